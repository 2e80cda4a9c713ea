namespace InvestCRM.Web;

/// <summary>Anchor type for the UI strings: SharedResource.resx is Chinese (default), .en.resx English.</summary>
public sealed class SharedResource;
