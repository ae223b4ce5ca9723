using System.Text.Json.Serialization;

namespace AddinWeb.Emargement;

// The Office enums a SheetLayout uses, each member named exactly as Office.js names its value (Excel.HorizontalAlignment,
// Excel.BorderWeight…), so that the task pane hands the JSON string to Office.js as it is. Only the values the sheet
// may use are listed: a renderer need not map what the layout never asks for. A test pins every member to the names in
// the pinned @types/office-js (tests/AddinWeb.ScriptChecks).

/// <summary>Office.js <c>Excel.HorizontalAlignment</c> (the members the sheet uses).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HorizontalAlignment>))]
public enum HorizontalAlignment { Left, Center, Right }

/// <summary>Office.js <c>Excel.VerticalAlignment</c> (the members the sheet uses).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerticalAlignment>))]
public enum VerticalAlignment { Top, Center, Bottom }

/// <summary>Office.js <c>Excel.BorderWeight</c>; every border of the sheet is a continuous line of this weight.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BorderWeight>))]
public enum BorderWeight { Thin, Medium, Thick }

/// <summary>Office.js <c>Excel.PageOrientation</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PageOrientation>))]
public enum PageOrientation { Portrait, Landscape }

/// <summary>Office.js <c>Excel.PaperType</c> (the members the sheet uses).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaperType>))]
public enum PaperType { A4 }
