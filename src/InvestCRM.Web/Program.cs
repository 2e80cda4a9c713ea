using InvestCRM.Web.Features.Account;
using InvestCRM.Web.Features.Attachments;
using InvestCRM.Web.Features.PartnerApi;
using InvestCRM.Web.Infrastructure;

if (await AdminCommand.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddCrmLogging();
builder.AddCrmData();
builder.AddCrmIdentity();
builder.AddCrmLocalization();
builder.AddCrmWeb();
builder.AddCrmAttachments();
builder.AddPartnerApi();

var app = builder.Build();

app.UseCrmPipeline();
app.MapCrmEndpoints();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
