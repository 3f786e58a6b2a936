/** How each kind of attribution is named on pages (the attribution line, search results). */
export const KIND_LABELS: Record<string, string> = {
  direct: "Direct quotation",
  indirect: "Reported speech",
  publication: "The publication's own assertion",
};
