using InvestCRM.Features.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace InvestCRM.Web.Features.Enterprises;

/// <summary>Shows a refused command's problems in a form: each next to its field, the rest in an alert.</summary>
public static class FormProblems
{
    public static IReadOnlyList<Problem> Show(EditContext edit, ValidationMessageStore store, IEnumerable<Problem> problems)
    {
        store.Clear();
        var general = new List<Problem>();
        foreach (var problem in problems)
        {
            if (problem.Field is { } field && edit.Model.GetType().GetProperty(field) is not null)
            {
                store.Add(new FieldIdentifier(edit.Model, field), problem.Code);
            }
            else
            {
                general.Add(problem);
            }
        }

        edit.NotifyValidationStateChanged();
        return general;
    }

    /// <summary>
    /// Chain nodes come as repeated "ChainNodeIds" checkbox values, which form binding does not map to a list.
    /// </summary>
    public static List<int> ChainNodeIds(HttpContext context) =>
        context.Request.HasFormContentType
            ? context.Request.Form["ChainNodeIds"].Select(v => int.TryParse(v, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList()
            : [];
}
