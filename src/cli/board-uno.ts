/**
 * The Python script `scale-tracker board` runs with LibreOffice's Python bridge (Debian
 * python3-uno): it starts a headless LibreOffice of its own (a fresh profile, a private pipe),
 * opens the workbook, recalculates every formula (calculateAll: a file saved by a program that
 * did not calculate has no results, and LibreOffice would otherwise show what the file holds) and
 * exports one sheet to PDF with the calc_pdf_Export filter's Selection, so the other sheets do not
 * print. Kept as text here so that the command line ships it inside lib/ (package.json "files").
 *
 *     python3 -c BOARD_SCRIPT SOFFICE INPUT.xlsx OUTPUT.pdf SHEET
 */
export const BOARD_SCRIPT = String.raw`
import os, shutil, subprocess, sys, tempfile, time
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

def main(soffice, source, target, sheet_name):
    profile = tempfile.mkdtemp(prefix="scale-board-")
    pipe = "scale_board_%d" % os.getpid()
    proc = subprocess.Popen([soffice, "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
        "--headless", "--invisible", "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("LibreOffice could not open " + source)
        doc.calculateAll()
        sheet = doc.Sheets.getByName(sheet_name)
        data = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("Selection", sheet),))
        doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "calc_pdf_Export"), prop("FilterData", data)))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice quits
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)

main(*sys.argv[1:5])
`;
