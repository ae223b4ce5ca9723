// French wording of what the backend returns (dates as the report gives them, local wall-clock, no time zone shift).

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const DAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

/** "2020-11-10T14:00:00" or "2020-11-10" → parts, read literally (these are wall-clock times of the report). */
function parts(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(String(text || ""));
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, weekday, time: m[4] ? `${m[4]}:${m[5]}` : null, dayKey: `${m[1]}-${m[2]}-${m[3]}` };
}

export function longDate(text, withWeekday = false) {
  const p = parts(text);
  if (!p) return "";
  const day = p.day === 1 ? "1er" : String(p.day);
  return `${withWeekday ? DAYS[p.weekday] + " " : ""}${day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** Sessions (or slots) grouped by day: "mardi 10 novembre 2020, 14:00 – 16:30". */
export function sessionsText(report) {
  const sessions = (report.sessions && report.sessions.length ? report.sessions : report.slots) || [];
  if (sessions.length > 0) {
    const byDay = new Map();
    for (const s of sessions) {
      const start = parts(s.start), end = parts(s.end);
      if (!start || !end) continue;
      if (!byDay.has(start.dayKey)) byDay.set(start.dayKey, { label: longDate(s.start, true), slots: [] });
      byDay.get(start.dayKey).slots.push(`${start.time} – ${end.time}`);
    }
    if (byDay.size > 0) return [...byDay.values()].map((d) => `${d.label}, ${d.slots.join(" et ")}`).join(" ; ");
  }
  if (report.period && report.period.start) {
    return report.period.start === report.period.end
      ? longDate(report.period.start, true)
      : `du ${longDate(report.period.start)} au ${longDate(report.period.end)}`;
  }
  return "";
}

export function plural(count, singular, pluralForm) {
  return `${count} ${count === 1 || count === 0 ? singular : pluralForm}`;
}

export function trainingText(report) {
  if (!report.title) return "";
  if (report.pafReference) {
    const ref = report.moduleNumber ? `${report.pafReference}-${report.moduleNumber}` : report.pafReference;
    return `${report.title} (PAF ${ref})`;
  }
  return report.title;
}

export function participantsText(participants) {
  const trainers = participants.filter((p) => p.role === "Trainer").length;
  const trainees = participants.length - trainers;
  const text = plural(trainees, "stagiaire", "stagiaires");
  return trainers > 0 ? `${text} et ${plural(trainers, "formateur", "formateurs")}` : text;
}

export function totalsText(totals) {
  return `${plural(totals.present, "présent", "présents")}, ${plural(totals.partial, "partiel", "partiels")}, ${plural(totals.absent, "absent", "absents")}`;
}
