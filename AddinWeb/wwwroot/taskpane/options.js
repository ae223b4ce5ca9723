// The trainer's options, remembered per user in this browser's storage (never in the workbook: the workbook is an
// accounting record that travels, the options are a personal preference).

const STORAGE_KEY = "emargement.options.v1";

/** Same defaults as the backend's AttendanceOptions; the backend applies its own when a member is left out. */
export const DEFAULT_OPTIONS = Object.freeze({
  presentThreshold: 0.8,
  absentThreshold: 0.1,
  toleranceMinutes: 10,
  afternoonStartsAt: "13:00",
});

export function loadOptions(storage = safeStorage()) {
  if (!storage) return { ...DEFAULT_OPTIONS };
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) || "{}");
    const merged = { ...DEFAULT_OPTIONS };
    for (const key of Object.keys(DEFAULT_OPTIONS)) {
      if (saved[key] !== undefined && saved[key] !== null) merged[key] = saved[key];
    }
    return validateOptions(merged).length === 0 ? merged : { ...DEFAULT_OPTIONS };
  } catch {
    return { ...DEFAULT_OPTIONS };
  }
}

export function saveOptions(options, storage = safeStorage()) {
  if (!storage) return;
  try { storage.setItem(STORAGE_KEY, JSON.stringify(options)); } catch { /* private mode or quota: keep in memory */ }
}

export function clearOptions(storage = safeStorage()) {
  if (!storage) return;
  try { storage.removeItem(STORAGE_KEY); } catch { /* ignore */ }
}

/** French messages for what the backend would refuse, so the trainer sees them before posting. */
export function validateOptions(o) {
  const errors = [];
  const rate = (v) => typeof v === "number" && isFinite(v) && v >= 0 && v <= 1;
  if (!rate(o.presentThreshold)) errors.push({ field: "presentThreshold", message: "Le seuil de présence doit être compris entre 0 et 100 %." });
  if (!rate(o.absentThreshold)) errors.push({ field: "absentThreshold", message: "Le seuil d'absence doit être compris entre 0 et 100 %." });
  if (rate(o.presentThreshold) && rate(o.absentThreshold) && o.absentThreshold > o.presentThreshold)
    errors.push({ field: "absentThreshold", message: "Le seuil d'absence doit être inférieur ou égal au seuil de présence." });
  if (!(typeof o.toleranceMinutes === "number" && isFinite(o.toleranceMinutes) && o.toleranceMinutes >= 0 && o.toleranceMinutes <= 240))
    errors.push({ field: "toleranceMinutes", message: "La tolérance doit être comprise entre 0 et 240 minutes." });
  if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(String(o.afternoonStartsAt)))
    errors.push({ field: "afternoonStartsAt", message: "L'heure de début d'après-midi doit être au format HH:mm, par exemple 13:00." });
  return errors;
}

function safeStorage() {
  try { return window.localStorage; } catch { return null; }
}
