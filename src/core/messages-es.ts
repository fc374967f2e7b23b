/** The sentences of messages.ts about a table's values, ids and rows, in Spanish, for the pane in Spanish. */
import type { InputMessages } from "./messages-input";

const es = (n: number) =>
  n.toLocaleString("es-ES", { maximumFractionDigits: 12 });
const didYouMeanEs = (suggestions: readonly string[]) =>
  suggestions.length ? ` (¿quisiste decir ${suggestions.join(", ")}?)` : "";

/** The same sentences in Spanish, for the pane in Spanish: numbers with decimal commas, months and ids as written. */
export const INPUT_ES: InputMessages = {
  value: {
    percentAsWhole: (name, value, fraction) =>
      `${name} es un porcentaje que se escribe como fracción: ${es(value)} % es ${es(fraction)}; escribe ${es(fraction)}, no ${es(value)}.`,
    atLeast: (name, min, value) =>
      `${name} debe ser al menos ${es(min)}; es ${es(value)}.`,
    atMost: (name, max, value) =>
      `${name} debe ser como máximo ${es(max)}; es ${es(value)}.`,
    between: (name, min, max, value) =>
      `${name} debe estar entre ${es(min)} y ${es(max)}; es ${es(value)}.`,
    notFinite: (name, value) =>
      `${name} debe ser un número finito; es ${es(value)}.`,
    notWhole: (name, value, written) =>
      `${name} es una cantidad: ${es(value)} no es un número entero; ${
        written === undefined
          ? "escribe un número entero"
          : `en un archivo separado por punto y coma la coma es el separador decimal (${written} se lee como ${es(value)}): quita los separadores de miles`
      }.`,
  },
  id: {
    unknown: (text, suggestions) =>
      `métrica desconocida "${text}"${didYouMeanEs(suggestions)}`,
    ambiguous: (text, candidates) =>
      `"${text}" es ambiguo; usa ${candidates.join(" o ")}`,
  },
  importer: {
    header: (got) =>
      `el encabezado debe ser métrica,mes,valor (forma larga), una etiqueta o nada seguida de una columna por mes, como métrica,2026-01,2026-02 o KPI,ene 2026,feb 2026 (forma ancha; las filas de título encima se omiten), o mes seguido de una columna por métrica; es "${got}"`,
    noMetricHeader: () => "esta columna no tiene una métrica en su encabezado",
    monthHeader: (text) =>
      `la columna "${text}" no es un mes: escríbelo como 2026-01, ene 2026 o 01/2026, o como un número de mes (1, 2, ...)`,
    fields: (count) => `se esperan 3 campos (métrica,mes,valor); hay ${count}`,
    groupRow: (text) =>
      `"${text}" es un grupo de riesgo; escribe uno de sus indicadores como grupo.indicador, por ejemplo cash_burn.burn_rate`,
    month: (text) =>
      `el mes "${text}" no es un mes: escríbelo como 2026-01, ene 2026 o 01/2026, o como un número de mes (1, 2, ...)`,
    outsideTimeline: (
      month,
      first,
      last,
      months,
      fix = "usa --first-month o --months para moverla o ampliarla",
    ) =>
      `el mes ${month} está fuera de la línea de tiempo, que va de ${first} a ${last} (${months} ${months === 1 ? "mes" : "meses"}); ${fix}`,
    widenTracking:
      "primero añade meses insertando columnas dentro del bloque de meses de la hoja Seguimiento, o deja fuera esos meses",
    earlierTracking:
      "deja fuera esos meses, o reconstruye el libro de seguimiento con un primer mes anterior (Reconstruir, en la pestaña Insertar)",
    positionOutside: (position, months) =>
      `el mes ${position} está fuera de los meses 1 a ${months} de la línea de tiempo`,
    notANumber: (text) =>
      `el valor "${text}" no es un número (escribe las fracciones como 0,05, no 5 %)`,
    tooLarge: (text) =>
      `el valor "${text}" es demasiado grande para Excel (su mayor número es de aproximadamente 1E+308): revisa si le sobran dígitos`,
    percentSign: (text) =>
      `el valor "${text}" lleva signo de porcentaje: escribe los porcentajes como fracciones (5 % es 0,05)`,
    separators: (text) =>
      `el valor "${text}" lleva un símbolo de moneda o un separador de miles: quítalos (1.234.567,50 € es 1234567,5)`,
    duplicate: (id, month, earlier, earlierId) =>
      `${id} para ${month} ya se indicó en la ${earlier}${earlierId ? ` (${earlierId} y ${id} son la misma fila)` : ""}`,
    monthNumber: (position) => `el mes ${position}`,
    unknownRow: (unknown, fix) => `${unknown}; ${fix}`,
    noLabel: () =>
      "esta fila tiene valores pero ninguna etiqueta en su primera celda: escribe ahí la medida que es, o quita la fila",
    mapOption: (label) =>
      `indica --map "${label}=ID" con el id de la medida que es, o quita la fila`,
    chooseMeasure:
      "elige la medida que es, o deja la fila fuera de la selección",
    mapping: (label, problem) => `la asignación de "${label}": ${problem}`,
    skipped: (what, label) =>
      what === "totalColumn"
        ? "omitida (una columna de total)"
        : `omitida (${what === "title" ? "encima del encabezado" : "una fila de total"}): "${label}"`,
    unusual: (name, month, value, neighbours, size) =>
      `${name} en ${month} es ${es(value)}, ${size === "large" ? "al menos 10 veces" : "como mucho la décima parte de"} cada uno de sus vecinos (${neighbours
        .map(([m, v]) => `${m}: ${es(v)}`)
        .join(
          "; ",
        )}): comprueba que está en la misma unidad que ellos (no en miles, céntimos ni porcentaje)`,
    noMonths: () =>
      "no hay meses: indica un mes del calendario (AAAA-MM) o un número de mes",
    line: (word, line) => `${word === "row" ? "fila" : "línea"} ${line}`,
    notDates: () =>
      "Los encabezados de mes de la hoja Seguimiento no son fechas: vuelve a insertar el libro de seguimiento, o escribe la fecha del primer mes en su primer encabezado de mes.",
    rowGone: (where, id, name, sheet) =>
      `${where}: la hoja ${sheet} ya no tiene una fila para ${id} (su nombre ${name} ha desaparecido); vuelve a insertar el libro de seguimiento`,
    channelKpi: (label, id, sheet) =>
      `"${label}" (${id}) se calcula en la hoja ${sheet} a partir del gasto, los clientes nuevos y el MRR nuevo de cada canal: importa esas filas en su lugar, como "Gasto de Paid advertising" (channel.paid_advertising.spend)`,
    changeKpi: (label, id, valueKey, valueName, sheet) =>
      `"${label}" (${id}) se calcula a partir de su línea base y del valor medido cada mes: importa el valor medido como ${valueKey} ("${valueName}") y escribe la línea base en la hoja ${sheet}`,
    budgetTrackingOnly: (id, sheet, budget) =>
      `${id} se escribe en la hoja ${sheet}; la hoja ${budget} tiene solo las filas de la hoja Seguimiento: impórtalo con los datos reales, o quítalo del presupuesto`,
    noSheet: (where, id, sheet) =>
      `${where}: ${id} se escribe en la hoja ${sheet}, que este libro de seguimiento no tiene (se hizo antes que esa hoja): reconstrúyelo primero desde la vista Insertar del panel, que conserva todo lo que escribiste, y vuelve a importar`,
    formulaCell: (address) =>
      `${address} tiene una fórmula, que una importación no reemplaza: borra la celda para importar un valor en ella, o deja fuera este valor`,
    at: (where, problem) => `${where}: ${problem}`,
    cell: (where, column, problem) => `${where}, columna ${column}: ${problem}`,
  },
  options: {
    language: (name, got) => `${name} debe ser en o es; es "${got}"`,
    company: (name, max, length) =>
      `${name} debe tener de 1 a ${es(max)} caracteres, porque titula el panel; tiene ${es(length)}`,
    currency: (name, got) =>
      `${name} debe ser un código de tres letras, como USD o EUR; es "${got}"`,
    months: (name, min, max, got) =>
      `${name} debe ser un número entero de ${es(min)} a ${es(max)}; es "${got}"`,
    firstMonth: (name, got) =>
      `${name} debe ser AAAA-MM, como 2026-01; es "${got}"`,
    firstMonthRange: (name, from, to, months, got) =>
      `${name} debe ir de ${from} a ${to}, para que los ${es(months)} meses sean fechas que Excel admite; es "${got}"`,
  },
  rebuild: {
    reportingMonth: "el mes del informe",
    budgetRow: (what) => `${what} del presupuesto`,
    onSheet: (key, sheet) => `${key} (${sheet})`,
    dropped: (what, month, value, reason) =>
      month === undefined
        ? `${what}: "${value}" no tiene valor en el archivo (ábrelo y guárdalo antes en Excel), así que no se conserva nada de esa celda`
        : reason === "outside"
          ? `${what}, ${month}: ${value} (no está en la nueva línea de tiempo)`
          : `${what}, ${month}: "${value}" no es un número, así que ninguna celda del nuevo libro lo recoge`,
    cannotCarry: (count, first, last, months) =>
      `${count} ${count === 1 ? "valor" : "valores"} del libro anterior no caben en la nueva línea de tiempo, que va de ${first} a ${last} (${months} ${months === 1 ? "mes" : "meses"})`,
    dropOption:
      "indica --first-month y --months con una línea de tiempo que los contenga, o añade --drop-outside para escribir el nuevo libro sin ellos",
    confirmDrop:
      "cambia el primer mes o el número de meses para que la línea de tiempo los contenga, o reconstruye sin ellos",
    carried: (values, typedOver, thresholds, planEntries, settings) =>
      `Se conservan ${values} ${values === 1 ? "valor" : "valores"}${typedOver ? ` (${typedOver} escritos sobre celdas calculadas)` : ""}, ${thresholds} ${thresholds === 1 ? "umbral editado" : "umbrales editados"}, ${planEntries} ${planEntries === 1 ? "entrada" : "entradas"} del plan${settings.length ? `, ${settings.join(", ")}` : ""}.`,
    reportingSetting: (month) => `el mes del informe ${month}`,
    minShareSetting: (share) => `la proporción mínima ${es(share * 100)} %`,
    startSetting: (month) => `el mes de inicio ${month}`,
    budgetCarried: (count) =>
      `Se conserva el presupuesto: ${count} ${count === 1 ? "valor" : "valores"} en la hoja Presupuesto.`,
    cellsCarried: (count) =>
      `Se ${count === 1 ? "conserva" : "conservan"} ${count} ${count === 1 ? "dato" : "datos"} de las hojas Áreas, Canales y Herramientas (líneas base, objetivos editados, nombres de canales, los datos de las herramientas).`,
    fromFormulas: (count) =>
      `${count} ${count === 1 ? "fórmula escrita" : "fórmulas escritas"} en filas de entrada se ${count === 1 ? "conserva como su número" : "conservan como sus números"}.`,
    monthsApart: (tracking, sheets, inserted, inExcel) =>
      `Seguimiento tiene ${tracking} ${tracking === 1 ? "mes" : "meses"} y ${sheets.map((s) => `la hoja ${s.name} ${s.months}`).join(", ")}: ` +
      (inserted
        ? `se insertaron meses en Seguimiento desde la última actualización, así que una reconstrucción fecharía los valores de ${sheets.length === 1 ? "esa hoja" : "esas hojas"} en meses equivocados. ${inExcel ? "Abre el archivo en Excel, actualiza allí las alertas (Actualizar alertas, en el panel," : "Actualiza antes las alertas (Actualizar alertas"} da a las hojas Presupuesto, Áreas y Canales los meses nuevos de Seguimiento)${inExcel ? " y guárdalo" : ""}, luego reconstruye`
        : `${sheets.length === 1 ? "esa hoja tiene" : "esas hojas tienen"} columnas de meses que Seguimiento no tiene (meses eliminados en Seguimiento, o columnas insertadas en ${sheets.length === 1 ? "esa hoja" : "esas hojas"}), así que una reconstrucción fecharía sus valores en meses equivocados. Elimina las columnas de más en ${sheets.length === 1 ? "esa hoja" : "esas hojas"}${inExcel ? " en Excel y guarda el archivo" : ""} (o vuelve a insertar en Seguimiento los meses eliminados), luego reconstruye`),
    rowsMoved: (sheets, inExcel) =>
      `Se insertaron o eliminaron filas entre las filas de meses de ${sheets.map((s) => `la hoja ${s}`).join(" y ")}, así que una reconstrucción leería de otra fila un número escrito sobre una celda calculada. Elimina las filas que insertaste allí (o vuelve a insertar las que eliminaste)${inExcel ? " en Excel y guarda el archivo" : ""}, luego reconstruye`,
  },
};
