package chime.conformance.reports.render;

import chime.conformance.reports.expectations.Expectation;
import chime.conformance.reports.model.Rule;
import chime.conformance.reports.model.RuleStatus;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Source;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.WireExchange;

import java.util.List;

/** What the templates show, prepared in Java so that the templates only lay it out. */
public final class Views {

    private Views() {
    }

    /**
     * A status and how many scenarios (or rules) have it.
     *
     * @param href where the scenarios (or rules) counted are listed, or null
     */
    public record StatusCount(String name, String label, String cssClass, int count, String href) {
        public static StatusCount of(Status status, int count) {
            return new StatusCount(status.name(), status.label(), status.cssClass(), count, null);
        }

        public static StatusCount of(RuleStatus status, int count) {
            return new StatusCount(status.name(), status.label(), status.cssClass(), count, null);
        }

        public StatusCount linkedTo(String newHref) {
            return new StatusCount(name, label, cssClass, count, newHref);
        }
    }

    /**
     * A scenario that failed or errored, on the overview's list of failures.
     *
     * @param reason why, in one line, or null
     */
    public record FailureRow(ScenarioResult scenario, String href, List<RuleLink> rules, String reason) {
    }

    /**
     * Scenarios (or rules) a count on the overview counted, listed where its link leads.
     *
     * @param anchor the id its link leads to
     */
    /**
     * A section or group of the scenarios page as a filter of its one table.
     *
     * @param token  the class of the rows it shows
     * @param groups its groups that are filters of their own (the section's sub-index)
     */
    public record Filter(String anchor, String token, String title, List<Group> groups) {
    }

    /** A row of the scenarios page: a scenario, its level, and the classes of the filters that show it. */
    public record ScenarioRow(ScenarioLink scenario, chime.conformance.reports.model.Level level, String tokens) {
    }

    public record Group(String anchor, String title, List<ScenarioLink> scenarios, List<RuleLink> rules) {
        public int size() {
            return scenarios.size() + rules.size();
        }
    }

    /**
     * Groups under one heading, itself a place a count's link may lead to.
     *
     * @param mixed whether its scenarios have different statuses (each is then shown with its own)
     */
    public record GroupSection(String anchor, String title, int count, List<Group> groups, boolean mixed) {

        public GroupSection(String anchor, String title, int count, List<Group> groups) {
            this(anchor, title, count, groups, groups.stream().flatMap(g -> g.scenarios().stream())
                    .map(ScenarioLink::status).distinct().count() > 1);
        }
    }

    /**
     * Rules of one basis (documented, kit decision, model only) and how they fared.
     *
     * @param applicable rules the run could judge: not NOT_APPLICABLE and not UNTESTABLE
     * @param share      passing / applicable, as a whole percentage, or "n/a"
     */
    public record RuleBasisRow(String id, String title, int total, int passing, int failing, int expectedFailing,
                               int notApplicable, int notCovered, int untestable, int applicable, String share) {
    }

    /** Scenarios of one basis and how they fared. */
    public record ScenarioBasisRow(String id, String title, int total, int passing, int failing, int expectedFailing,
                                   int notApplicable, String share) {
    }

    /** A link to a scenario, with its status, and where it is. */
    public record ScenarioLink(String id, String name, String href, Status status, String feature, int line) {

        public ScenarioLink(String id, String name, String href, Status status) {
            this(id, name, href, status, null, 0);
        }
    }

    /** A link to a rule, with its status. */
    public record RuleLink(String id, String href, RuleStatus status) {
    }

    /** A feature on the overview. */
    public record FeatureRow(String path, String name, String href, int total, List<StatusCount> counts, String worstCss) {
    }

    /** A rule on the rules page, with the sources it rests on. */
    public record RuleRow(Rule rule, RuleStatus status, List<ScenarioLink> scenarios, List<OperationLink> operations,
                          List<SourceLink> sources) {

        public ListedScenarios listed() {
            return ListedScenarios.of(scenarios);
        }

        public RuleRow(Rule rule, RuleStatus status, List<ScenarioLink> scenarios, List<OperationLink> operations) {
            this(rule, status, scenarios, operations, SourceLink.of(rule.sources()));
        }
    }

    /**
     * A source of a rule: its kind as the link text, what it says beside it.
     *
     * @param href the source's URL when it is safe to follow (http or https), else null: the URL is then
     *             shown as text only
     */
    public record SourceLink(String kind, String label, String href, String url, String says) {

        static List<SourceLink> of(List<Source> sources) {
            return sources.stream().map(s -> new SourceLink(s.kind().id(), s.kind().label(),
                    Expectation.safeHref(s.url()), s.url(), s.says())).toList();
        }
    }

    /** A link to an operation on the operations page. */
    public record OperationLink(String name, String href) {
    }

    /** An area on the rules page. */
    public record AreaView(String id, String title, List<RuleRow> rules, List<StatusCount> counts) {
    }

    /** An operation on the operations page. */
    public record OperationRow(String name, String anchor, List<RuleLink> rules, List<ScenarioLink> scenarios,
                               List<StatusCount> scenarioCounts) {

        public ListedScenarios listed() {
            return ListedScenarios.of(scenarios);
        }
    }

    /**
     * Scenarios as a list of the rules and operations pages shows them: each that did not pass by itself, the
     * ones that passed as a count per feature with a link to its page (where each is marked in the source). Listing
     * every passing scenario under each of its rules and operations made those pages mostly links.
     */
    public record ListedScenarios(List<ScenarioLink> notPassed, List<PassedInFeature> passed) {

        static ListedScenarios of(List<ScenarioLink> scenarios) {
            List<ScenarioLink> others = new java.util.ArrayList<>();
            java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            java.util.Map<String, String> pages = new java.util.HashMap<>();
            for (ScenarioLink link : scenarios) {
                if (link.status() == Status.PASS && link.feature() != null) {
                    counts.merge(link.feature(), 1, Integer::sum);
                    int hash = link.href().indexOf('#');
                    pages.putIfAbsent(link.feature(), hash < 0 ? link.href() : link.href().substring(0, hash));
                } else {
                    others.add(link);
                }
            }
            List<PassedInFeature> passed = new java.util.ArrayList<>();
            counts.forEach((feature, n) -> passed.add(new PassedInFeature(feature, pages.get(feature), n)));
            return new ListedScenarios(List.copyOf(others), List.copyOf(passed));
        }
    }

    /** How many scenarios of a list passed in one feature, and its page. */
    public record PassedInFeature(String feature, String href, int count) {
    }

    /**
     * A scenario on its feature page.
     *
     * @param linkHref the expectation's link when it is safe to follow (http or https), else null;
     *                 an unsafe link is shown as text only
     * @param inSource whether the page shows the scenario as its line of the feature's source, marked with its
     *                 status and its anchor, without a section of its own: a scenario that passed, whose steps are
     *                 the source's, all passed. The others have a section with their steps, what went wrong and the
     *                 wire evidence.
     */
    public record ScenarioView(ScenarioResult result, String anchor, List<RuleLink> rules, List<OperationLink> operations,
                               List<WireExchange> evidence, boolean showsFailure, String linkHref, boolean inSource) {

        /** The exchanges that made the scenario's situation (shown collapsed, as one group). */
        public List<WireExchange> setUpEvidence() {
            return evidence.stream().filter(WireExchange::setUp).toList();
        }

        /** The exchanges of what the scenario does and checks. */
        public List<WireExchange> checkedEvidence() {
            return evidence.stream().filter(x -> !x.setUp()).toList();
        }

        /** The operations of the set-up, in order, with how many times each: "CreateAppInstanceUser ×3, ...". */
        public String setUpSummary() {
            java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            setUpEvidence().forEach(x -> counts.merge(x.title(), 1, Integer::sum));
            return counts.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " \u00d7" + e.getValue() : ""))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /**
     * A feature page.
     *
     * @param source the feature's source, numbered, its scenario lines marked (see
     *               {@link ReportRenderer#sourceMarkup}), or null when the feature file was not found
     */
    public record FeatureView(String path, String name, String description, List<ScenarioView> scenarios,
                              Html.Markup source, List<StatusCount> counts) {

        public boolean hasSource() {
            return source != null;
        }
    }

    /**
     * The scenarios of one level and how they fared.
     *
     * @param decides how the level weighs in this run's verdict, in words
     */
    public record LevelRow(String name, String label, String cssClass, int total, int pass, int fail, int error,
                           int expectedFailing, int unexpectedPass, int flaky, int notApplicable, String decides) {
    }

    /**
     * A tentative scenario whose check did not hold: where the target reads a kit decision otherwise.
     *
     * @param failure the first line of what the scenario found, or null
     */
    public record TentativeFailure(ScenarioResult scenario, String href, List<RuleLink> rules, String failure) {
    }

    /** A capability and whether the target declares it. */
    public record Capability(String name, boolean present) {
    }
}
