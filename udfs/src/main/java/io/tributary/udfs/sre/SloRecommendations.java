package io.tributary.udfs.sre;

import java.util.List;
import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;

/**
 * What to do about a missed SLO, in a sentence or two, from the SLI's value, its target and the
 * contributors {@link ContributorsFunction} found: the worst contributor is named with its share
 * and its own figure, so the suggestion points at one team or one component, not at everything.
 */
@PublicEvolving
public final class SloRecommendations {
    private SloRecommendations() {}

    /**
     * @param primary contributors of the SLI (pipelines, endpoints or assignment groups), best
     *     first
     * @param secondary a second view where the SLI has one (services for availability, incident
     *     categories for response days), else empty
     */
    public static String recommend(
            String sli,
            Double value,
            double target,
            SloComparator comparator,
            List<Contributor> primary,
            List<Contributor> secondary) {
        String judged = judged(sli, value, target, comparator);
        if (value == null) {
            return judged + " " + noData(sli);
        }
        if (primary.isEmpty()) {
            return judged + " " + withoutContributors(sli);
        }
        Contributor top = primary.get(0);
        switch (sli) {
            case "deploy_interval_hours":
                return judged
                        + String.format(
                                Locale.ROOT,
                                " Pipeline %s ended %s of the runs that did not deploy "
                                        + "(failed or cancelled)%s: fix what fails in it first, each of its runs that deploys "
                                        + "shortens the interval.",
                                top.name,
                                pct(top.sharePct),
                                top.detail == null
                                        ? ""
                                        : String.format(
                                                Locale.ROOT,
                                                "; %s of its runs deployed",
                                                pct(top.detail)));
            case "failures_per_deploy":
                return judged
                        + String.format(
                                Locale.ROOT,
                                " Pipeline %s had %s of the failed runs%s: make its "
                                        + "tests and stages reliable before adding runs.",
                                top.name,
                                pct(top.sharePct),
                                top.detail == null
                                        ? ", and no deploy at all"
                                        : String.format(
                                                Locale.ROOT,
                                                ", %.1f failures per deploy",
                                                top.detail));
            case "availability_pct":
                String service =
                        secondary.isEmpty()
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " Service %s gave %s of them.",
                                        secondary.get(0).name,
                                        pct(secondary.get(0).sharePct));
                return judged
                        + String.format(
                                Locale.ROOT,
                                " Endpoint %s returned %s of the 5xx answers%s: look "
                                        + "at its outages and its dependencies first.%s",
                                top.name,
                                pct(top.sharePct),
                                top.detail == null
                                        ? ""
                                        : String.format(
                                                Locale.ROOT,
                                                " (%s of its requests failed)",
                                                pct(top.detail)),
                                service);
            case "response_days":
                String category =
                        secondary.isEmpty()
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " The category with the most late closures is %s (%s).",
                                        secondary.get(0).name,
                                        pct(secondary.get(0).sharePct));
                return judged
                        + String.format(
                                Locale.ROOT,
                                " Incidents in assignment group %s take %.1f days on "
                                        + "average, %s of late closures: review its staffing, hand-offs and escalation.%s",
                                top.name,
                                top.detail == null ? Double.NaN : top.detail,
                                pct(top.sharePct),
                                category);
            default:
                return judged;
        }
    }

    private static String judged(
            String sli, Double value, double target, SloComparator comparator) {
        String want =
                comparator.symbol().replace("<=", "≤").replace(">=", "≥")
                        + " "
                        + number(target)
                        + unit(sli);
        if (value == null) {
            return String.format(
                    Locale.ROOT, "No value for %s in the period (target %s).", label(sli), want);
        }
        return String.format(
                Locale.ROOT,
                "%s was %s%s (target %s).",
                capitalised(label(sli)),
                number(value),
                unit(sli),
                want);
    }

    private static String noData(String sli) {
        switch (sli) {
            case "deploy_interval_hours":
                return "Fewer than two deploys: nothing reached production, check the pipelines' failed runs.";
            case "failures_per_deploy":
                return "Runs failed but none deployed: restore a working pipeline first.";
            default:
                return "Check that the source sends its data.";
        }
    }

    private static String withoutContributors(String sli) {
        switch (sli) {
            case "deploy_interval_hours":
                return "No run failed or was cancelled, so the cadence itself is slow: ship smaller changes more often.";
            case "response_days":
                return "No closure took longer than the target on its own; many closures close to it add up: "
                        + "shorten the common path.";
            default:
                return "No single contributor stands out.";
        }
    }

    private static String label(String sli) {
        switch (sli) {
            case "deploy_interval_hours":
                return "the deploy interval";
            case "failures_per_deploy":
                return "failures per deploy";
            case "availability_pct":
                return "availability";
            case "response_days":
                return "the incident response time";
            default:
                return sli;
        }
    }

    private static String unit(String sli) {
        switch (sli) {
            case "deploy_interval_hours":
                return " h";
            case "availability_pct":
                return " %";
            case "response_days":
                return " days";
            default:
                return "";
        }
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.2f", value).replaceAll("0$", "");
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.0f %%", value);
    }
}
