// A test double of the Excel host for the task pane, served in place of
// https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It keeps an in-memory workbook and behaves like Excel
// where the task pane could get it wrong:
// - proxy objects: properties are readable only after load() and context.sync() (else PropertyNotLoaded);
//   navigation and writes are queued and run, in order, at sync; errors surface at sync, earlier actions stay done;
// - getItemOrNullObject / getUsedRangeOrNullObject and isNullObject; getFirst / getLast in sheet order;
// - strings written to cells are parsed as Excel parses typed input ("=…" formula, "10/11/2020" date, "1,5"
//   number, "VRAI" boolean…) unless prefixed by an apostrophe or the cell's format is "@";
// - each sync measures the serialized size of its batch (request) and of what it loads (response), and refuses
//   either over 5 MB, like Excel on the web (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded);
// - sheet names are unique case-insensitively, 31 characters at most, without []:*?/\.
// - worksheets.onChanged / onCalculated / onAdded / onDeleted: handlers registered at sync, raised after each sync
//   that wrote to a sheet (any writer: the pane itself, or the test through edit()), asynchronously as Excel does;
// - a sync can be made to hang (hangSync): it and every later sync wait until the test releases it.
// Tests drive and inspect it through window.__excelDouble.
(function () {
  "use strict";

  const PAYLOAD_LIMIT = 5 * 1024 * 1024;
  let payloadLimit = PAYLOAD_LIMIT;
  const MAX_ROWS = 1048576, MAX_COLUMNS = 16384;
  const encoder = new TextEncoder();

  // ---- Errors ---------------------------------------------------------------------------------------------------

  class OfficeError extends Error {
    constructor(code, message, debugInfo) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
      this.debugInfo = debugInfo || { code, message };
    }
  }
  const fail = (code, message) => { throw new OfficeError(code, message); };
  const notLoaded = (name) => fail("PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

  // ---- Addresses ------------------------------------------------------------------------------------------------

  function letters(n) {
    let s = "";
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
    return s;
  }
  function columnNumber(text) {
    let n = 0;
    for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  }
  /** "A1", "B2:D9", "3:5", "C:E", with or without $ → box (1-based, inclusive). */
  function parseBox(address) {
    const text = String(address).slice(String(address).lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
    const [a, b = a] = text.split(":");
    const part = (p) => {
      let m;
      if ((m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p))) return { row: Number(m[2]), column: columnNumber(m[1]) };
      if ((m = /^(\d{1,7})$/.exec(p))) return { row: Number(m[1]), column: null };
      if ((m = /^([A-Z]{1,3})$/.exec(p))) return { row: null, column: columnNumber(m[1]) };
      return fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${address})`);
    };
    const p = part(a), q = part(b);
    const box = {
      r1: p.row === null ? 1 : Math.min(p.row, q.row), r2: p.row === null ? MAX_ROWS : Math.max(p.row, q.row),
      c1: p.column === null ? 1 : Math.min(p.column, q.column), c2: p.column === null ? MAX_COLUMNS : Math.max(p.column, q.column),
    };
    if ((p.row === null) !== (q.row === null) || (p.column === null) !== (q.column === null) || box.r1 < 1 || box.c1 < 1
        || box.r2 > MAX_ROWS || box.c2 > MAX_COLUMNS)
      fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${address})`);
    return box;
  }
  function boxAddress(b) {
    if (b.c1 === 1 && b.c2 === MAX_COLUMNS) return `${b.r1}:${b.r2}`;
    if (b.r1 === 1 && b.r2 === MAX_ROWS) return `${letters(b.c1)}:${letters(b.c2)}`;
    const from = `${letters(b.c1)}${b.r1}`, to = `${letters(b.c2)}${b.r2}`;
    return from === to ? from : `${from}:${to}`;
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  }

  // ---- Excel's reading of typed input ---------------------------------------------------------------------------

  const DAY_MS = 86400000, EPOCH = Date.UTC(1899, 11, 30);
  function serial(y, mo, d, h = 0, mi = 0, s = 0) { return (Date.UTC(y, mo - 1, d, h, mi, s) - EPOCH) / DAY_MS; }

  /** What Excel stores when a string is written to a cell of format `format`. */
  function parseInput(text, format) {
    if (text === "") return { value: "", formula: null, prefixed: false };
    if (format === "@") return { value: text, formula: null, prefixed: false };
    if (text[0] === "'") return { value: text.slice(1), formula: null, prefixed: true };
    let m;
    if ((m = /^\s*([+-]?)(\d+(?:[.,]\d+)?|[.,]\d+)(?:e([+-]?\d+))?\s*(%?)\s*$/i.exec(text))) {
      let n = Number(m[2].replace(",", ".")) * (m[3] ? Math.pow(10, Number(m[3])) : 1);
      if (m[1] === "-") n = -n;
      if (m[4]) n /= 100;
      return { value: n, formula: null, prefixed: false };
    }
    if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text)))
      return { value: serial(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] || 0), Number(m[5] || 0), Number(m[6] || 0)), formula: null, prefixed: false };
    if ((m = /^(\d{1,2})\/(\d{1,2})$/.exec(text)))
      return { value: serial(new Date().getFullYear(), Number(m[2]), Number(m[1])), formula: null, prefixed: false };
    if ((m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text)))
      return { value: (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] || 0)) / 86400, formula: null, prefixed: false };
    if (/^(true|vrai)$/i.test(text)) return { value: true, formula: null, prefixed: false };
    if (/^(false|faux)$/i.test(text)) return { value: false, formula: null, prefixed: false };
    if (/^[=+\-@]./.test(text)) return { value: "#NAME?", formula: text[0] === "=" ? text : "=" + text, prefixed: false };
    return { value: text, formula: null, prefixed: false };
  }

  // ---- The in-memory workbook -----------------------------------------------------------------------------------

  const NAME_FORBIDDEN = /[\[\]:*?\/\\]/;
  const PAPER_SIZES = ["A3", "A4", "A5", "Letter", "Legal", "B4", "B5", "Executive", "Tabloid"];

  class SheetModel {
    constructor(id, name) {
      this.id = id;
      this.name = name;
      this.visibility = "Visible";
      this.cells = new Map();      // row * 20000 + column → cell
      this.merges = [];            // boxes
      this.columnWidths = new Map();
      this.rowHeights = new Map();
      this.frozenRows = 0;
      this.page = {
        orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 },
        leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54,
        centerHorizontally: false, centerVertically: false, printArea: null, printTitleRows: null,
        footers: { leftFooter: "", centerFooter: "", rightFooter: "", leftHeader: "", centerHeader: "", rightHeader: "" },
      };
    }
    key(r, c) { return r * 20000 + c; }
    cell(r, c) { return this.cells.get(this.key(r, c)); }
    cellForWrite(r, c) {
      const k = this.key(r, c);
      let cell = this.cells.get(k);
      if (!cell) { cell = { value: "", formula: null, prefixed: false, numberFormat: "General" }; this.cells.set(k, cell); }
      return cell;
    }
    valueAt(r, c) { const cell = this.cell(r, c); return cell ? cell.value : ""; }
    formatAt(r, c) { const cell = this.cell(r, c); return cell ? cell.numberFormat : "General"; }
    usedBox(valuesOnly) {
      let box = null;
      for (const [k, cell] of this.cells) {
        if (valuesOnly && cell.value === "") continue;
        const r = Math.floor(k / 20000), c = k % 20000;
        if (!box) box = { r1: r, r2: r, c1: c, c2: c };
        else { box.r1 = Math.min(box.r1, r); box.r2 = Math.max(box.r2, r); box.c1 = Math.min(box.c1, c); box.c2 = Math.max(box.c2, c); }
      }
      return box;
    }
  }

  const book = {
    sheets: [], nextId: 1, activeId: null, selection: null,
    syncCount: 0, batches: [], failAtSync: null,
    handlers: { changed: [], calculated: [], added: [], deleted: [] },
    events: [],              // raised during the current sync: { type, worksheetId }
    hangAtSync: null, hanging: null, releaseHang: null,
  };
  /** Queues an event of the running sync, raised (deduplicated) once the sync is done. */
  function raise(type, sheet) {
    if (!book.events.some((e) => e.type === type && e.sheetId === sheet.id)) book.events.push({ type, sheetId: sheet.id });
  }
  function dispatchEvents() {
    const events = book.events;
    book.events = [];
    for (const event of events) {
      const args = { type: "Worksheet" + event.type[0].toUpperCase() + event.type.slice(1), worksheetId: `{${event.sheetId}}`, source: "Local" };
      for (const handler of book.handlers[event.type]) setTimeout(() => handler(args), 0);
    }
  }

  function findSheet(name) {
    const lower = String(name).toLocaleLowerCase();
    return book.sheets.find((s) => s.name.toLocaleLowerCase() === lower) || null;
  }
  function checkName(name, except) {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || NAME_FORBIDDEN.test(name) || name[0] === "'" || name[name.length - 1] === "'")
      fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (sheet name "${name}")`);
    const other = findSheet(name);
    if (other && other !== except) fail("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
  }
  function visibleSheets() { return book.sheets.filter((s) => s.visibility === "Visible"); }
  function sheetById(id) {
    const sheet = book.sheets.find((s) => s.id === id);
    if (!sheet) fail("ItemNotFound", "The requested resource doesn't exist.");
    return sheet;
  }

  function resetBook(seed) {
    book.sheets = []; book.nextId = 1; book.activeId = null; book.selection = null;
    book.syncCount = 0; book.batches = []; book.failAtSync = null; payloadLimit = PAYLOAD_LIMIT;
    book.handlers = { changed: [], calculated: [], added: [], deleted: [] }; book.events = [];
    book.hangAtSync = null; book.hanging = null; book.releaseHang = null;
    const sheets = (seed && seed.sheets) || [{ name: "Feuil1", values: [] }];
    for (const s of sheets) {
      const sheet = new SheetModel(book.nextId++, s.name);
      (s.values || []).forEach((row, i) => row.forEach((v, j) => {
        const fmt = s.numberFormat && s.numberFormat[i] && s.numberFormat[i][j];
        if ((v === "" || v === null || v === undefined) && (!fmt || fmt === "General")) return;
        const cell = sheet.cellForWrite(i + 1, j + 1);
        cell.value = v === null || v === undefined ? "" : v;
        if (fmt) cell.numberFormat = fmt;
      }));
      book.sheets.push(sheet);
    }
    const active = seed && seed.active ? findSheet(seed.active) : book.sheets[0];
    book.activeId = active.id;
    book.selection = { sheetId: active.id, box: { r1: 1, c1: 1, r2: 1, c2: 1 } };
  }

  // ---- Proxy machinery ------------------------------------------------------------------------------------------

  class RequestContext {
    constructor() {
      this._queue = [];
      this.workbook = new Workbook(this);
    }
    /** Queues an action; `exec` runs at sync, in order. */
    _enqueue(description, exec) {
      this._queue.push({ description, exec });
    }
    async sync() {
      const queue = this._queue;
      this._queue = [];
      book.syncCount++;
      const index = book.syncCount;
      const bytes = queue.reduce((sum, a) => sum + encoder.encode(JSON.stringify(a.description)).length + 1, 2);
      const record = { index, bytes, responseBytes: 0, actions: queue.length, failed: null };
      book.batches.push(record);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (book.hangAtSync !== null && index >= book.hangAtSync && !book.hanging) {
        book.hangAtSync = null;
        record.hung = true;
        book.hanging = new Promise((resolve) => { book.releaseHang = resolve; });
      }
      while (book.hanging) await book.hanging; // Excel answers in order: later syncs wait too
      book.events = [];
      if (bytes > payloadLimit) {
        record.failed = "RequestPayloadSizeLimitExceeded";
        fail("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
      }
      if (book.failAtSync !== null && index >= book.failAtSync) {
        book.failAtSync = null;
        record.failed = "GeneralException";
        fail("GeneralException", "An internal error has occurred while processing the request.");
      }
      const loaded = [];
      for (const action of queue) {
        try {
          const result = action.exec();
          if (result && result.commit) loaded.push(result);
        } catch (error) {
          record.failed = error.code || "GeneralException";
          throw error instanceof OfficeError ? error : new OfficeError("GeneralException", String(error && error.message));
        }
      }
      // What Excel would send back: the loaded properties, as JSON. Over the limit, Excel on the web has done the
      // batch's work but returns only the error: nothing loaded reaches the proxies.
      record.responseBytes = loaded.reduce((sum, l) => sum + (l.response === undefined ? 0 : encoder.encode(JSON.stringify(l.response)).length + 1), 2);
      if (record.responseBytes > payloadLimit) {
        record.failed = "ResponsePayloadSizeLimitExceeded";
        fail("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
      }
      for (const l of loaded) l.commit();
      dispatchEvents();
    }
  }

  /** Base of every proxy: a path for the payload, a target bound at sync, loaded values readable after sync. */
  class ClientObject {
    constructor(context, path, bind) {
      this.context = context;
      this._path = path;
      this._bind = bind;          // () => target, run at sync in queue order
      this._target = undefined;
      this._values = null;        // loaded properties, after sync
      this._synced = false;
      context._enqueue({ o: path, m: "get" }, () => {
        this._target = bind();
        const self = this;
        return { commit() { self._synced = true; } };
      });
    }
    get isNullObject() {
      if (!this._synced) notLoaded("isNullObject");
      return this._target === null;
    }
    _targetOrThrow() {
      if (this._target === undefined) fail("InvalidObjectPath", "The object path isn't working for what you're trying to do.");
      if (this._target === null) fail("ItemNotFound", "The requested resource doesn't exist.");
      return this._target;
    }
    _read(name) {
      if (!this._values || !(name in this._values)) notLoaded(name);
      return this._values[name];
    }
    _write(name, value, apply) {
      this.context._enqueue({ o: this._path, p: name, v: value }, () => apply(this._targetOrThrow(), value));
    }
    _call(method, args, apply) {
      this.context._enqueue({ o: this._path, m: method, a: args }, () => apply(this._targetOrThrow()));
    }
    load(spec) {
      const names = parseLoad(spec, this._scalarNames());
      this.context._enqueue({ o: this._path, m: "load", a: names }, () => {
        if (this._target === null) return null; // a null object loads nothing, silently
        const target = this._targetOrThrow();
        const snapshot = {};
        for (const name of names) snapshot[name] = clone(this._snapshot(target, name));
        return { response: snapshot, commit: () => { this._values = Object.assign(this._values || {}, snapshot); } };
      });
      return this;
    }
    toJSON() { return this._values ? Object.assign({}, this._values) : {}; }
  }

  function parseLoad(spec, all) {
    if (spec === undefined || spec === null) return all;
    if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
    if (Array.isArray(spec)) return spec;
    if (typeof spec === "object" && spec.select) return parseLoad(spec.select, all);
    return Object.keys(spec).filter((k) => spec[k]);
  }
  function clone(v) { return v === undefined ? undefined : JSON.parse(JSON.stringify(v)); }

  function defineProps(Class, names, { writable = [], readValue, writeValue }) {
    Class.prototype._scalarNames = () => names;
    Class.prototype._snapshot = function (target, name) {
      if (!names.includes(name)) fail("InvalidArgument", `Property '${name}' cannot be loaded.`);
      return readValue(target, name);
    };
    for (const name of names) {
      Object.defineProperty(Class.prototype, name, {
        configurable: true,
        get() { return this._read(name); },
        set(value) {
          if (!writable.includes(name)) fail("InvalidArgument", `Property '${name}' is read-only.`);
          this._write(name, value, (target, v) => writeValue(target, name, v));
        },
      });
    }
  }

  // ---- Workbook and worksheets ----------------------------------------------------------------------------------

  class Workbook {
    constructor(context) {
      this.context = context;
      this.worksheets = new WorksheetCollection(context);
    }
    getSelectedRange() {
      return new Range(this.context, "wb.sel", () => {
        const sel = book.selection;
        return { sheet: sheetById(sel.sheetId), box: sel.box };
      });
    }
  }

  class WorksheetCollection {
    constructor(context) {
      this.context = context;
      this._items = null;
    }
    get items() {
      if (!this._items) notLoaded("items");
      return this._items;
    }
    load(spec) {
      let names = parseLoad(spec, ["name", "id", "position", "visibility"]);
      names = names.map((n) => n.replace(/^items\//, "")).filter((n) => n !== "items");
      if (names.length === 0) names = ["name", "id", "position", "visibility"];
      const context = this.context;
      context._enqueue({ o: "wb.ws", m: "load", a: names }, () => {
        const sheets = book.sheets.slice();
        return {
          response: sheets.map((s) => Object.fromEntries(names.map((n) => [n, Worksheet.prototype._snapshot(s, n)]))),
          commit: () => {
            this._items = sheets.map((s) => {
              const proxy = new Worksheet(context, `wb.ws[${s.id}]`, () => s, true);
              proxy._target = s;
              proxy._synced = true;
              proxy._values = {};
              for (const n of names) proxy._values[n] = clone(proxy._snapshot(s, n));
              return proxy;
            });
          },
        };
      });
      return this;
    }
    get onChanged() { return this._event("changed"); }
    get onCalculated() { return this._event("calculated"); }
    get onAdded() { return this._event("added"); }
    get onDeleted() { return this._event("deleted"); }
    _event(type) {
      const context = this.context;
      return {
        add(handler) {
          if (typeof handler !== "function") fail("InvalidArgument", "An event handler must be a function.");
          context._enqueue({ o: "wb.ws", m: `on${type}.add` }, () => { book.handlers[type].push(handler); return null; });
          return { context, remove() { context._enqueue({ o: "wb.ws", m: `on${type}.remove` }, () => { book.handlers[type] = book.handlers[type].filter((h) => h !== handler); return null; }); } };
        },
      };
    }
    getItem(name) {
      return new Worksheet(this.context, `wb.ws.item(${JSON.stringify(name)})`, () => {
        const sheet = findSheet(name);
        if (!sheet) fail("ItemNotFound", "The requested resource doesn't exist.");
        return sheet;
      });
    }
    getItemOrNullObject(name) {
      return new Worksheet(this.context, `wb.ws.itemOrNull(${JSON.stringify(name)})`, () => findSheet(name));
    }
    getFirst(visibleOnly) {
      return new Worksheet(this.context, `wb.ws.first(${!!visibleOnly})`, () => (visibleOnly ? visibleSheets() : book.sheets)[0]);
    }
    getLast(visibleOnly) {
      return new Worksheet(this.context, `wb.ws.last(${!!visibleOnly})`, () => {
        const sheets = visibleOnly ? visibleSheets() : book.sheets;
        return sheets[sheets.length - 1];
      });
    }
    getActiveWorksheet() {
      return new Worksheet(this.context, "wb.ws.active", () => sheetById(book.activeId));
    }
    add(name) {
      return new Worksheet(this.context, `wb.ws.add(${JSON.stringify(name)})`, () => {
        let wanted = name;
        if (wanted === undefined || wanted === null) {
          let n = book.sheets.length + 1;
          while (findSheet(`Feuil${n}`)) n++;
          wanted = `Feuil${n}`;
        }
        checkName(wanted, null);
        const sheet = new SheetModel(book.nextId++, wanted);
        book.sheets.push(sheet);
        raise("added", sheet);
        return sheet;
      });
    }
  }

  class Worksheet extends ClientObject {
    constructor(context, path, bind, noQueue) {
      if (noQueue) {
        // Items of a loaded collection: already bound, nothing to queue.
        const self = Object.create(Worksheet.prototype);
        self.context = context; self._path = path; self._bind = bind; self._target = undefined; self._values = null; self._synced = false;
        return self;
      }
      super(context, path, bind);
    }
    get freezePanes() { return new FreezePanes(this); }
    get pageLayout() { return new PageLayout(this); }
    getRange(address) {
      return new Range(this.context, `${this._path}.range(${address || ""})`, () => {
        const sheet = this._targetOrThrow();
        return { sheet, box: address ? parseBox(address) : { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLUMNS } };
      });
    }
    getCell(row, column) {
      return new Range(this.context, `${this._path}.cell(${row},${column})`, () =>
        ({ sheet: this._targetOrThrow(), box: { r1: row + 1, c1: column + 1, r2: row + 1, c2: column + 1 } }));
    }
    getUsedRange(valuesOnly) {
      return new Range(this.context, `${this._path}.used(${!!valuesOnly})`, () => {
        const sheet = this._targetOrThrow();
        return { sheet, box: sheet.usedBox(!!valuesOnly) || { r1: 1, c1: 1, r2: 1, c2: 1 } };
      });
    }
    getUsedRangeOrNullObject(valuesOnly) {
      return new Range(this.context, `${this._path}.usedOrNull(${!!valuesOnly})`, () => {
        const sheet = this._targetOrThrow();
        const box = sheet.usedBox(!!valuesOnly);
        return box ? { sheet, box } : null;
      });
    }
    activate() {
      this._call("activate", [], (sheet) => {
        if (sheet.visibility !== "Visible") fail("InvalidOperation", "This operation is not permitted for the current object: the sheet is hidden.");
        book.activeId = sheet.id;
      });
    }
    delete() {
      this._call("delete", [], (sheet) => {
        if (sheet.visibility === "Visible" && visibleSheets().length === 1)
          fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        book.sheets = book.sheets.filter((s) => s !== sheet);
        raise("deleted", sheet);
        if (book.activeId === sheet.id) book.activeId = visibleSheets()[0].id;
        if (book.selection && book.selection.sheetId === sheet.id) book.selection = { sheetId: book.activeId, box: { r1: 1, c1: 1, r2: 1, c2: 1 } };
      });
    }
  }
  defineProps(Worksheet, ["name", "id", "position", "visibility"], {
    writable: ["name", "position", "visibility"],
    readValue: (s, name) => name === "position" ? book.sheets.indexOf(s) : name === "id" ? `{${s.id}}` : s[name],
    writeValue: (s, name, value) => {
      if (name === "name") { checkName(value, s); s.name = value; return; }
      if (name === "position") {
        book.sheets = book.sheets.filter((x) => x !== s);
        book.sheets.splice(Math.max(0, Math.min(book.sheets.length, value)), 0, s);
        return;
      }
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) fail("InvalidArgument", `Invalid visibility "${value}".`);
      if (value !== "Visible" && s.visibility === "Visible" && visibleSheets().length === 1)
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      s.visibility = value;
      if (value !== "Visible" && book.activeId === s.id) book.activeId = visibleSheets()[0].id;
    },
  });

  class FreezePanes {
    constructor(sheet) { this._sheet = sheet; }
    freezeRows(count) {
      this._sheet._call("freezePanes.freezeRows", [count], (s) => {
        if (!(Number.isInteger(count) && count >= 0)) fail("InvalidArgument", "freezeRows needs a whole number of rows.");
        s.frozenRows = count;
      });
    }
    unfreeze() { this._sheet._call("freezePanes.unfreeze", [], (s) => { s.frozenRows = 0; }); }
  }

  class PageLayout {
    constructor(sheet) {
      this._sheet = sheet;
      const footers = {};
      for (const name of ["leftFooter", "centerFooter", "rightFooter", "leftHeader", "centerHeader", "rightHeader"]) {
        Object.defineProperty(footers, name, {
          enumerable: true,
          get: () => notLoaded(name),
          set: (value) => sheet._write(`pageLayout.headersFooters.defaultForAllPages.${name}`, value, (s, v) => {
            if (typeof v !== "string") fail("InvalidArgument", `${name} must be text.`);
            s.page.footers[name] = v;
          }),
        });
      }
      this.headersFooters = { defaultForAllPages: footers };
    }
    setPrintTitleRows(address) {
      this._sheet._call("pageLayout.setPrintTitleRows", [address], (s) => {
        const box = parseBox(address);
        if (!(box.c1 === 1 && box.c2 === MAX_COLUMNS)) fail("InvalidArgument", "Print title rows must be whole rows.");
        s.page.printTitleRows = boxAddress(box);
      });
    }
    setPrintArea(address) {
      this._sheet._call("pageLayout.setPrintArea", [address], (s) => { s.page.printArea = boxAddress(parseBox(address)); });
    }
  }
  const PAGE_PROPS = {
    orientation: (v) => ["Portrait", "Landscape"].includes(v),
    paperSize: (v) => PAPER_SIZES.includes(v),
    zoom: (v) => v && typeof v === "object" && Object.keys(v).every((k) => ["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k))
      && Object.values(v).every((n) => Number.isInteger(n) && n >= 0),
    leftMargin: (v) => typeof v === "number" && v >= 0, rightMargin: (v) => typeof v === "number" && v >= 0,
    topMargin: (v) => typeof v === "number" && v >= 0, bottomMargin: (v) => typeof v === "number" && v >= 0,
    centerHorizontally: (v) => typeof v === "boolean", centerVertically: (v) => typeof v === "boolean",
  };
  for (const [name, valid] of Object.entries(PAGE_PROPS)) {
    Object.defineProperty(PageLayout.prototype, name, {
      get() { notLoaded(name); },
      set(value) {
        this._sheet._write(`pageLayout.${name}`, value, (s, v) => {
          if (!valid(v)) fail("InvalidArgument", `Invalid value for pageLayout.${name}: ${JSON.stringify(v)}`);
          s.page[name] = clone(v);
        });
      },
    });
  }

  // ---- Ranges ---------------------------------------------------------------------------------------------------

  function forEachCell(target, fn) {
    const { sheet, box } = target;
    if ((box.r2 - box.r1 + 1) * (box.c2 - box.c1 + 1) > 4000000)
      fail("InvalidArgument", "The double refuses cell formats on whole rows or columns: give the range.");
    raise("changed", sheet);
    for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) fn(sheet.cellForWrite(r, c), r, c);
  }
  function dims(box) { return { rows: box.r2 - box.r1 + 1, columns: box.c2 - box.c1 + 1 }; }
  function checkMatrix(box, value, what) {
    if (!Array.isArray(value)) return false;
    const { rows, columns } = dims(box);
    if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== columns))
      fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what})`);
    return true;
  }
  function grid(target, read) {
    const { sheet, box } = target;
    const out = [];
    for (let r = box.r1; r <= box.r2; r++) {
      const row = [];
      for (let c = box.c1; c <= box.c2; c++) row.push(read(sheet, r, c));
      out.push(row);
    }
    return out;
  }
  function isPrimitive(v) { return v === null || ["string", "number", "boolean"].includes(typeof v); }

  class Range extends ClientObject {
    get format() { return new RangeFormat(this); }
    select() {
      this._call("select", [], (t) => {
        if (t.sheet.id !== book.activeId) fail("InvalidOperation", "The range to select must be on the active sheet.");
        book.selection = { sheetId: t.sheet.id, box: t.box };
      });
    }
    merge(across) {
      this._call("merge", [!!across], (t) => {
        if (across) fail("InvalidArgument", "The double only supports merge(false).");
        const b = t.box;
        for (const m of t.sheet.merges)
          if (!(m.r2 < b.r1 || m.r1 > b.r2 || m.c2 < b.c1 || m.c1 > b.c2))
            fail("InvalidOperation", `Cannot merge ${boxAddress(b)}: it overlaps the merged range ${boxAddress(m)}.`);
        // Like Excel, only the top-left value survives a merge.
        forEachCell(t, (cell, r, c) => { if (r !== b.r1 || c !== b.c1) { cell.value = ""; cell.formula = null; } });
        t.sheet.merges.push({ ...b });
      });
    }
    unmerge() {
      this._call("unmerge", [], (t) => { t.sheet.merges = t.sheet.merges.filter((m) => boxAddress(m) !== boxAddress(t.box)); });
    }
  }
  defineProps(Range, ["values", "numberFormat", "address", "rowCount", "columnCount", "rowIndex", "columnIndex", "formulas"], {
    writable: ["values", "numberFormat"],
    readValue: (t, name) => {
      switch (name) {
        case "values": return grid(t, (s, r, c) => s.valueAt(r, c));
        case "formulas": return grid(t, (s, r, c) => { const cell = s.cell(r, c); return cell && cell.formula ? cell.formula : s.valueAt(r, c); });
        case "numberFormat": return grid(t, (s, r, c) => s.formatAt(r, c));
        case "address": return `${quoteSheet(t.sheet.name)}!${boxAddress(t.box)}`;
        case "rowCount": return dims(t.box).rows;
        case "columnCount": return dims(t.box).columns;
        case "rowIndex": return t.box.r1 - 1;
        case "columnIndex": return t.box.c1 - 1;
      }
    },
    writeValue: (t, name, value) => {
      if (name === "values") {
        const matrix = checkMatrix(t.box, value, "values");
        forEachCell(t, (cell, r, c) => {
          const v = matrix ? value[r - t.box.r1][c - t.box.c1] : value;
          if (!isPrimitive(v)) fail("InvalidArgument", "A cell value must be a string, a number, a boolean or null.");
          if (v === null) return; // null leaves the cell as it is
          if (typeof v === "string") Object.assign(cell, parseInput(v, cell.numberFormat));
          else Object.assign(cell, { value: v, formula: null, prefixed: false });
        });
      } else {
        const matrix = checkMatrix(t.box, value, "numberFormat");
        forEachCell(t, (cell, r, c) => {
          const f = matrix ? value[r - t.box.r1][c - t.box.c1] : value;
          if (f === null) return;
          if (typeof f !== "string") fail("InvalidArgument", "A number format must be text.");
          cell.numberFormat = f;
        });
      }
    },
  });

  class RangeFormat {
    constructor(range) {
      this._range = range;
      this.font = new StyleGroup(range, "format.font", ["bold", "italic", "size", "color", "name", "underline"], (cell) => (cell.font = cell.font || {}));
      this.fill = new StyleGroup(range, "format.fill", ["color"], (cell) => (cell.fill = cell.fill || {}));
      this.borders = { getItem: (edge) => new Border(range, edge) };
    }
  }
  const ALIGN = { horizontalAlignment: ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"],
    verticalAlignment: ["Top", "Center", "Bottom", "Justify", "Distributed"] };
  for (const name of ["horizontalAlignment", "verticalAlignment", "wrapText", "columnWidth", "rowHeight"]) {
    Object.defineProperty(RangeFormat.prototype, name, {
      get() { notLoaded(name); },
      set(value) {
        this._range._write(`format.${name}`, value, (t, v) => {
          if (name === "columnWidth" || name === "rowHeight") {
            if (!(typeof v === "number" && v >= 0 && v <= (name === "rowHeight" ? 409 : 1800)))
              fail("InvalidArgument", `Invalid ${name}: ${v}`);
            const map = name === "columnWidth" ? t.sheet.columnWidths : t.sheet.rowHeights;
            const [from, to] = name === "columnWidth" ? [t.box.c1, t.box.c2] : [t.box.r1, t.box.r2];
            for (let i = from; i <= to; i++) map.set(i, v);
            return;
          }
          if (name === "wrapText" ? typeof v !== "boolean" : !ALIGN[name].includes(v)) fail("InvalidArgument", `Invalid ${name}: ${v}`);
          forEachCell(t, (cell) => { cell[name] = v; });
        });
      },
    });
  }

  class StyleGroup {
    constructor(range, path, names, slot) {
      for (const name of names) {
        Object.defineProperty(this, name, {
          enumerable: true,
          get: () => notLoaded(name),
          set: (value) => range._write(`${path}.${name}`, value, (t, v) => {
            if (name === "color" && !/^#[0-9A-Fa-f]{6}$/.test(v)) fail("InvalidArgument", `Invalid color: ${v}`);
            if ((name === "bold" || name === "italic") && typeof v !== "boolean") fail("InvalidArgument", `Invalid ${name}: ${v}`);
            if (name === "size" && !(typeof v === "number" && v >= 1 && v <= 409)) fail("InvalidArgument", `Invalid size: ${v}`);
            forEachCell(t, (cell) => { slot(cell)[name] = v; });
          }),
        });
      }
    }
  }

  const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical", "DiagonalDown", "DiagonalUp"];
  class Border {
    constructor(range, edge) {
      if (!EDGES.includes(edge)) fail("InvalidArgument", `Invalid border index: ${edge}`);
      for (const name of ["style", "weight", "color"]) {
        Object.defineProperty(this, name, {
          enumerable: true,
          get: () => notLoaded(name),
          set: (value) => range._write(`format.borders.${edge}.${name}`, value, (t, v) => {
            if (name === "style" && !["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"].includes(v)) fail("InvalidArgument", `Invalid border style: ${v}`);
            if (name === "weight" && !["Hairline", "Thin", "Medium", "Thick"].includes(v)) fail("InvalidArgument", `Invalid border weight: ${v}`);
            if (name === "color" && !/^#[0-9A-Fa-f]{6}$/.test(v)) fail("InvalidArgument", `Invalid color: ${v}`);
            applyEdge(t, edge, name, v);
          }),
        });
      }
    }
  }
  function applyEdge(t, edge, prop, value) {
    const b = t.box;
    const set = (cell, side) => { cell.borders = cell.borders || {}; cell.borders[side] = Object.assign({}, cell.borders[side], { [prop]: value }); };
    forEachCell(t, (cell, r, c) => {
      if (edge === "EdgeTop" && r === b.r1) set(cell, "top");
      if (edge === "EdgeBottom" && r === b.r2) set(cell, "bottom");
      if (edge === "EdgeLeft" && c === b.c1) set(cell, "left");
      if (edge === "EdgeRight" && c === b.c2) set(cell, "right");
      if (edge === "InsideHorizontal") { if (r < b.r2) set(cell, "bottom"); if (r > b.r1) set(cell, "top"); }
      if (edge === "InsideVertical") { if (c < b.c2) set(cell, "right"); if (c > b.c1) set(cell, "left"); }
    });
  }

  // ---- Test surface ---------------------------------------------------------------------------------------------

  function describeSheet(name) {
    const s = findSheet(name);
    if (!s) return null;
    const box = s.usedBox(true);
    const values = box ? grid({ sheet: s, box: { r1: 1, c1: 1, r2: box.r2, c2: box.c2 } }, (x, r, c) => x.valueAt(r, c)) : [];
    return {
      name: s.name, visibility: s.visibility, position: book.sheets.indexOf(s), values,
      merges: s.merges.map(boxAddress),
      columnWidths: Object.fromEntries([...s.columnWidths].map(([c, w]) => [letters(c), w])),
      rowHeights: Object.fromEntries(s.rowHeights),
      frozenRows: s.frozenRows, page: clone(s.page),
      formulas: [...s.cells].filter(([, cell]) => cell.formula).map(([k, cell]) => `${letters(k % 20000)}${Math.floor(k / 20000)}: ${cell.formula}`),
    };
  }
  function cellInfo(sheetName, address) {
    const s = findSheet(sheetName);
    if (!s) return null;
    const b = parseBox(address);
    const cell = s.cell(b.r1, b.c1);
    return cell ? clone(cell) : { value: "", formula: null, prefixed: false, numberFormat: "General" };
  }
  /** Everything about a sheet, to prove it was not touched. */
  function fingerprint(sheetName) {
    const s = findSheet(sheetName);
    if (!s) return null;
    return JSON.stringify({ name: s.name, visibility: s.visibility, cells: [...s.cells].sort((a, b) => a[0] - b[0]),
      merges: s.merges, widths: [...s.columnWidths], heights: [...s.rowHeights], frozen: s.frozenRows, page: s.page });
  }

  window.__excelDouble = {
    reset: resetBook,
    sheetNames: () => book.sheets.map((s) => s.name),
    sheet: describeSheet,
    cell: cellInfo,
    fingerprint,
    activeSheet: () => { const s = book.sheets.find((x) => x.id === book.activeId); return s ? s.name : null; },
    selection: () => book.selection ? { sheet: sheetById(book.selection.sheetId).name, address: boxAddress(book.selection.box) } : null,
    stats: () => ({ syncCount: book.syncCount, batches: clone(book.batches),
      maxBatchBytes: book.batches.reduce((m, b) => Math.max(m, b.bytes), 0),
      maxResponseBytes: book.batches.reduce((m, b) => Math.max(m, b.responseBytes), 0), payloadLimit }),
    /** Another limit for requests and responses (bytes), to reach it with a small workbook; null: Excel's 5 MB. */
    setPayloadLimit: (bytes) => { payloadLimit = bytes === null || bytes === undefined ? PAYLOAD_LIMIT : bytes; },
    resetStats: () => { book.syncCount = 0; book.batches = []; },
    /** The n-th sync from now fails (1 = the next one), as when Excel loses the document. */
    failSync: (n) => { book.failAtSync = book.syncCount + n; },
    /** The n-th sync from now never answers (1 = the next one) until releaseSync(), as Excel on the web loading a big workbook. */
    hangSync: (n) => { book.hangAtSync = book.syncCount + n; },
    releaseSync: () => { const release = book.releaseHang; book.hanging = null; book.releaseHang = null; if (release) release(); },
    /** Whether a sync is waiting for releaseSync(). */
    isHanging: () => book.hanging !== null,
    /** The trainer types into a cell: the value changes and Excel raises onChanged for the sheet. */
    edit: (sheetName, address, value) => {
      const sheet = findSheet(sheetName);
      if (!sheet) fail("ItemNotFound", `No sheet "${sheetName}".`);
      const b = parseBox(address);
      const cell = sheet.cellForWrite(b.r1, b.c1);
      Object.assign(cell, { value, formula: null, prefixed: false });
      raise("changed", sheet);
      dispatchEvents();
    },
    /** How many handlers the page registered, per event. */
    handlerCounts: () => Object.fromEntries(Object.entries(book.handlers).map(([k, v]) => [k, v.length])),
  };

  // ---- The Office.js surface the task pane uses -----------------------------------------------------------------

  // Like Office, the double is ready asynchronously: first it loads the test's workbook from the address the test
  // gives in window.__excelDoubleSeedUrl (served by the test host), else starts with one empty sheet.
  const seedUrl = window.__excelDoubleSeedUrl;
  const ready = (seedUrl ? fetch(seedUrl, { cache: "no-store" }) : Promise.resolve(null))
    .then((response) => (response && response.ok ? response.json() : null))
    .catch(() => null)
    .then((seed) => {
      resetBook(seed);
      return { host: "Excel", platform: "OfficeOnline" };
    });
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    onReady(callback) { return ready.then((info) => { if (callback) callback(info); return info; }); },
    context: {
      requirements: {
        // ExcelApi 1.9 by default (the manifest's); a test plays an older Excel with window.__excelDoubleExcelApi = "1.8".
        isSetSupported(name, version) {
          if (name !== "ExcelApi") return false;
          const [a, b] = String(version || "1.1").split(".").map(Number);
          const top = Number(String(window.__excelDoubleExcelApi || "1.9").split(".")[1]);
          return a < 1 || (a === 1 && (b || 0) <= top);
        },
      },
    },
  };
  window.OfficeExtension = { Error: OfficeError, ErrorCodes: { generalException: "GeneralException", itemNotFound: "ItemNotFound" } };
  window.Excel = {
    RequestContext,
    async run(batch) {
      const context = new RequestContext();
      const result = await batch(context);
      if (context._queue.length > 0) await context.sync();
      return result;
    },
  };
})();
