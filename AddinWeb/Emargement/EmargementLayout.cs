namespace AddinWeb.Emargement;

/// <summary>Lays out the "Émargement" sheet: pure, the same for the ClosedXML and the Office.js renderers.</summary>
public static class EmargementLayout
{
    public static SheetLayout Build(EmargementDocument document) => throw new NotImplementedException();
}
