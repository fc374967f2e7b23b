"""A user's edit in LibreOffice itself, through its Python bridge (Debian python3-uno): open a
workbook, insert columns on a sheet (LibreOffice moves every reference, name and range as Excel
does), copy ranges (references move as in a paste), type numbers, recalculate, save as .xlsx.

    /usr/bin/python3 insert-months.py EDIT.json

EDIT.json: {"soffice", "input", "output", "sheet", "insertAt", "count",
            "copies": [{"source", "target", "from", "to"}], "values": [{"row", "col", "value"}]}
with 0-based column and row indexes, as LibreOffice's API counts them.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 120
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if proc.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.3)


def main(path):
    with open(path) as f:
        edit = json.load(f)
    profile = tempfile.mkdtemp(prefix="scale-lo-uno-")
    pipe = "scale_tracker_%d" % os.getpid()
    proc = subprocess.Popen([
        edit["soffice"], "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
        "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe,
    ])
    try:
        ctx = connect(pipe, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(edit["input"]), "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByName(edit["sheet"])
        sheet.Columns.insertByIndex(edit["insertAt"], edit["count"])
        for c in edit["copies"]:
            source = sheet.getCellRangeByPosition(c["source"], c["from"], c["source"], c["to"]).RangeAddress
            sheet.copyRange(sheet.getCellByPosition(c["target"], c["from"]).CellAddress, source)
        for v in edit["values"]:
            sheet.getCellByPosition(v["col"], v["row"]).Value = v["value"]
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(edit["output"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice quits
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()


if __name__ == "__main__":
    main(sys.argv[1])
