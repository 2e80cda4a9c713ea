using System.Globalization;
using InvestCRM.Features.Common;
using InvestCRM.Features.Targets;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Infrastructure;

/// <summary>How numbers, money and enum values read in the user's language.</summary>
public static class Display
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>A label's colon: full-width in Chinese text (“阶段：线索”), ": " in English.</summary>
    public static string Colon => IsEnglish ? ": " : "：";

    /// <summary>Between the parts of a list such as a filter's: full-width in Chinese (“阶段：线索；团队：一组”), "; " in English.</summary>
    public static string Separator => IsEnglish ? "; " : "；";

    /// <summary>Money is stored in 万元; shown in 亿元 from 1 亿 up (CNY millions/billions in English).</summary>
    public static string Money(decimal wan)
    {
        var culture = CultureInfo.CurrentCulture;
        if (IsEnglish)
        {
            var yuan = wan * 10_000m;
            return Math.Abs(yuan) >= 1_000_000_000m
                ? string.Format(culture, "CNY {0:#,0.##} bn", yuan / 1_000_000_000m)
                : string.Format(culture, "CNY {0:#,0.##} m", yuan / 1_000_000m);
        }

        return Math.Abs(wan) >= 10_000m
            ? string.Format(culture, "{0:#,0.##} 亿元", wan / 10_000m)
            : string.Format(culture, "{0:#,0.##} 万元", wan);
    }

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "";

    /// <summary>A month given as yyyyMM: “2021年5月”, “May 2021”.</summary>
    public static string Month(int month) => new DateOnly(month / 100, month % 100, 1).ToString("Y", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset? at) => at?.ToOffset(ChinaTime.Offset).ToString("g", CultureInfo.CurrentCulture) ?? "";

    /// <summary>
    /// A text that puts a count before a noun: "{key}.One" when the count is exactly 1 (English "1 project is"), else the
    /// key itself. Chinese has no plural, so its ".One" repeats the plain text; a key without the variant falls back.
    /// </summary>
    public static LocalizedString Count(this IStringLocalizer localizer, string key, decimal count, params object[] arguments) =>
        count == 1 && localizer[key + ".One", arguments] is { ResourceNotFound: false } one ? one : localizer[key, arguments];

    /// <summary>Enum values are named in resources as "Enum.{Type}.{Value}".</summary>
    public static string Enum<T>(this IStringLocalizer localizer, T value) where T : struct, System.Enum =>
        localizer[$"Enum.{typeof(T).Name}.{value}"];

    /// <summary>A target value in its metric's unit.</summary>
    public static string TargetValue(this IStringLocalizer localizer, TargetMetric metric, decimal value) => metric switch
    {
        TargetMetric.InvestmentWan or TargetMetric.OutputValueWan or TargetMetric.TaxWan => Money(value),
        TargetMetric.LandMu => $"{Number(value)} {localizer["Unit.Mu"]}",
        _ => Number(value),
    };

    /// <summary>A target's period: plan year N, cumulative to plan year N, calendar year, or a date range.</summary>
    public static string Period(this IStringLocalizer localizer, TargetRow target) => target.Period switch
    {
        TargetPeriod.PlanYear => localizer["Target.PlanYearN", target.Year ?? 0],
        TargetPeriod.CumulativeToPlanYear => localizer["Target.CumulativeToYearN", target.Year ?? 0],
        TargetPeriod.CalendarYear => localizer["Target.CalendarYearN", target.Year ?? 0],
        _ => $"{Date(target.From)} – {Date(target.To)}",
    };

    public static string Name(string zh, string? en) => IsEnglish && !string.IsNullOrWhiteSpace(en) ? en : zh;

    public static string? Name(UnitName? unit) => unit is null ? null : Name(unit.Zh, unit.En);

    /// <summary>What a target counts for: "whole plan", or the kind of unit and its name ("Park / base · Innovation Centre").</summary>
    public static string Scope(this IStringLocalizer localizer, TargetRow target) =>
        target.Unit is null ? localizer.Enum(target.Scope) : $"{localizer.Enum(target.Scope)} · {Name(target.Unit)}";
}
