using InvestCRM.Features.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace InvestCRM.Web.Features.Referrals;

/// <summary>Shows a refused command's problems next to the fields they concern; the rest are returned for the page's alert.</summary>
internal static class FormProblems
{
    public static IReadOnlyList<string> Show(EditContext context, IReadOnlyList<Problem> problems)
    {
        var store = new ValidationMessageStore(context);
        var general = new List<string>();
        foreach (var problem in problems)
        {
            if (problem.Field is { } field && context.Model.GetType().GetProperty(field) is not null)
            {
                store.Add(context.Field(field), problem.Code);
            }
            else
            {
                general.Add(problem.Code);
            }
        }

        context.NotifyValidationStateChanged();
        return general;
    }
}
