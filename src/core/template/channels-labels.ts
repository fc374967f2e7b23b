/**
 * The Channels sheet's words (product.md 13, "Channels"), English and Spanish. The channels' own
 * names and the three KPIs' labels are the seed's (departments.ts); these are the sheet's frame.
 */
import type { Language } from "../catalog";
import type { ChannelMeasure } from "../department-rows";

export interface ChannelsLabels {
  readonly title: (company: string) => string;
  /** Three short lines under the title: each fits in the frozen columns, repeated on every printed page. */
  readonly notes: readonly string[];
  readonly channel: string;
  /** The reporting month's header, where the dashboard has no reporting month yet. */
  readonly reportingMonth: string;
  readonly key: string;
  readonly summary: string;
  /** A KPI row's label: the seed's label and which channel's value the month shows. */
  readonly highest: (label: string) => string;
  readonly lowest: (label: string) => string;
  readonly totals: Readonly<Record<ChannelMeasure, string>>;
  readonly blendedCac: string;
  readonly measures: Readonly<Record<ChannelMeasure | "cac" | "roi", string>>;
  /** Beside a user channel's empty name cell. */
  readonly typeName: string;
  readonly validation: string;
  readonly nameMessage: string;
}

const EN: ChannelsLabels = {
  title: (company) => `Channels: ${company}`,
  notes: [
    "Type each channel's month in the yellow cells; grey cells are computed.",
    "CAC = spend ÷ new customers; ROI = (12 × new MRR − spend) ÷ spend.",
    "No customers for a spend: CAC ≥ spend, RISK. Flags: reporting month.",
  ],
  channel: "Channel / measure",
  reportingMonth: "Reporting month",
  key: "Key (import)",
  summary: "All channels",
  highest: (label) => `${label} (highest)`,
  lowest: (label) => `${label} (lowest)`,
  totals: {
    spend: "Total spend",
    customers: "Total new customers",
    new_mrr: "Total new MRR",
  },
  blendedCac: "Blended CAC (all channels)",
  measures: {
    spend: "Spend",
    customers: "New customers",
    new_mrr: "New MRR",
    cac: "CAC",
    roi: "First-year ROI",
  },
  typeName: "← your channel's name",
  validation:
    "Spend and new MRR: an amount; new customers: a whole number. Enter 0 or more.",
  nameMessage: "Type the name of a channel of your own.",
};

const ES: ChannelsLabels = {
  title: (company) => `Canales: ${company}`,
  notes: [
    "Escriba el mes de cada canal en las celdas amarillas; las grises se calculan.",
    "CAC = gasto ÷ nuevos clientes; ROI = (12 × nuevo MRR − gasto) ÷ gasto.",
    "Gasto sin clientes: CAC ≥ gasto, RISK. Niveles: mes del informe.",
  ],
  channel: "Canal / medida",
  reportingMonth: "Mes del informe",
  key: "Clave (importar)",
  summary: "Todos los canales",
  highest: (label) => `${label} (el más alto)`,
  lowest: (label) => `${label} (el más bajo)`,
  totals: {
    spend: "Gasto total",
    customers: "Nuevos clientes en total",
    new_mrr: "Nuevo MRR total",
  },
  blendedCac: "CAC combinado (todos)",
  measures: {
    spend: "Gasto",
    customers: "Nuevos clientes",
    new_mrr: "Nuevo MRR",
    cac: "CAC",
    roi: "ROI del primer año",
  },
  typeName: "← nombre de su canal",
  validation:
    "Gasto y nuevo MRR: un importe; nuevos clientes: un número entero. Escriba 0 o más.",
  nameMessage: "Escriba el nombre de un canal propio.",
};

export const CHANNELS_LABELS: Readonly<Record<Language, ChannelsLabels>> = {
  en: EN,
  es: ES,
};
