using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Targets;
using static InvestCRM.Features.Common.Xlsx;

namespace InvestCRM.Features.Tracks;

/// <summary>The list's words in the user's language, supplied by the web layer (Core has no UI resources).</summary>
public sealed record TrackExportText(string SheetName, string TitleLine, IReadOnlyList<string> Headers,
    Func<UnitName?, string?> Name, Func<TrackRow, string> Standing, Func<TrackVerdict, string> Verdict);

/// <summary>The 揭榜挂帅 list as .xlsx for a review meeting: one row per track with its claim, commitments and figures.</summary>
public static class TrackExport
{
    public static void Write(Stream output, IReadOnlyList<TrackRow> rows, TrackExportText text)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = Workbook(document);
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, [TextCell(text.TitleLine)]);
            WriteRow(writer, text.Headers.Select(h => TextCell(h, HeaderStyle)));
            foreach (var row in rows)
            {
                var (t, figures) = (row.Track, row.Progress?.Figures);
                WriteRow(writer,
                [
                    TextCell(t.Name), TextCell(text.Name(row.Subject)), TextCell(text.Name(row.Claimant)), TextCell(t.LeaderName),
                    DateCell(t.ClaimedOn?.ToDateTime(TimeOnly.MinValue), DateStyle), DateCell(t.DueOn?.ToDateTime(TimeOnly.MinValue), DateStyle),
                    NumberCell(t.CommitEnterprises, WholeStyle), NumberCell(figures?.Enterprises, DecimalStyle),
                    NumberCell(t.CommitInvestmentWan, DecimalStyle), NumberCell(figures?.InvestmentWan, DecimalStyle),
                    NumberCell(t.CommitOutputWan, DecimalStyle), NumberCell(figures?.OutputValueWan, DecimalStyle),
                    NumberCell(t.CommitTaxWan, DecimalStyle), NumberCell(figures?.TaxWan, DecimalStyle),
                    NumberCell(figures?.OpenProjects, WholeStyle), NumberCell(figures?.OpenInvestmentWan, DecimalStyle),
                    PercentCell(row.Progress is { } p ? Math.Round(p.Elapsed * 100, 1) : null), TextCell(text.Standing(row)),
                    TextCell(row.LastVerdict is { } verdict ? text.Verdict(verdict) : null),
                    DateCell(row.LastReviewedOn?.ToDateTime(TimeOnly.MinValue), DateStyle),
                ]);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        Finish(workbook, sheet, text.SheetName);
    }
}
