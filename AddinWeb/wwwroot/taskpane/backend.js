// The only call to the backend: POST /api/reports/analyze. The backend decides everything (is it a report, what is
// wrong, who attended); this module only classifies failures into messages a trainer can act on.

export const DEFAULT_TIMEOUT_MS = 60000;

export class BackendError extends Error {
  /**
   * @param {"unreachable"|"timeout"|"unusable"|"invalid"|"server"} kind
   * @param {string} message French, shown as is
   * @param {object} [problem] the RFC 7807 body when there is one
   */
  constructor(kind, message, problem) {
    super(message);
    this.name = "BackendError";
    this.kind = kind;
    this.problem = problem || null;
  }
}

/** Posts the sheets as read by Office.js; resolves with the AnalyzeResponse, rejects with a BackendError. */
export async function analyze(sheets, options, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let response;
  try {
    response = await fetch("api/reports/analyze", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, application/problem+json" },
      body: JSON.stringify({ sheets, options }),
      signal: abort.signal,
      cache: "no-store",
    });
  } catch (error) {
    if (abort.signal.aborted)
      throw new BackendError("timeout", "Le service Émargement ne répond pas (délai dépassé). Rien n'a été écrit dans le classeur. Réessayez dans un instant.");
    throw new BackendError("unreachable", "Le service Émargement est injoignable (réseau ou serveur arrêté). Rien n'a été écrit dans le classeur. Vérifiez votre connexion puis réessayez.");
  } finally {
    clearTimeout(timer);
  }

  const body = await readJson(response);
  if (response.ok && body) return body;
  if (response.status === 422)
    throw new BackendError("unusable", (body && body.detail) || "Ce classeur n'est pas un rapport de session utilisable.", body);
  if (response.status === 400)
    throw new BackendError("invalid", describeBadRequest(body), body);
  if (response.status === 413)
    throw new BackendError("invalid", "Le classeur est trop volumineux pour être analysé.", body);
  if (response.status === 429)
    throw new BackendError("server", "Le service Émargement est très sollicité. Patientez quelques secondes puis réessayez.", body);
  throw new BackendError("server", `Le service Émargement a rencontré une erreur (code ${response.status}). Rien n'a été écrit dans le classeur. Réessayez.`, body);
}

async function readJson(response) {
  try { return await response.json(); } catch { return null; }
}

function describeBadRequest(problem) {
  if (!problem) return "La demande a été refusée par le service Émargement.";
  const details = problem.errors ? Object.values(problem.errors).flat() : [];
  return [problem.detail || problem.title, ...details].filter(Boolean).join(" ");
}
