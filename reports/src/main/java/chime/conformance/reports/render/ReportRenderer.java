package chime.conformance.reports.render;

import chime.conformance.reports.expectations.Expectation;
import chime.conformance.reports.model.Basis;
import chime.conformance.reports.model.FeatureDocument;
import chime.conformance.reports.model.FeatureInfo;
import chime.conformance.reports.model.Kind;
import chime.conformance.reports.model.Level;
import chime.conformance.reports.model.Operations;
import chime.conformance.reports.model.Rule;
import chime.conformance.reports.model.RuleRegistry;
import chime.conformance.reports.model.RuleResult;
import chime.conformance.reports.model.RuleStatus;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioIds;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import chime.conformance.reports.model.WireExchange;
import chime.conformance.reports.render.Views.AreaView;
import chime.conformance.reports.render.Views.Capability;
import chime.conformance.reports.render.Views.FeatureRow;
import chime.conformance.reports.render.Views.FailureRow;
import chime.conformance.reports.render.Views.FeatureView;
import chime.conformance.reports.render.Views.Filter;
import chime.conformance.reports.render.Views.Group;
import chime.conformance.reports.render.Views.ScenarioRow;
import chime.conformance.reports.render.Views.GroupSection;
import chime.conformance.reports.render.Views.LevelRow;
import chime.conformance.reports.render.Views.TentativeFailure;
import chime.conformance.reports.render.Views.OperationLink;
import chime.conformance.reports.render.Views.OperationRow;
import chime.conformance.reports.render.Views.RuleBasisRow;
import chime.conformance.reports.render.Views.RuleLink;
import chime.conformance.reports.render.Views.RuleRow;
import chime.conformance.reports.render.Views.ScenarioBasisRow;
import chime.conformance.reports.render.Views.ScenarioLink;
import chime.conformance.reports.render.Views.ScenarioView;
import chime.conformance.reports.render.Views.StatusCount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the HTML report of a run: {@code index.html} (overview), {@code rules.html},
 * {@code operations.html} and one page per feature under {@code features/}.
 */
public final class ReportRenderer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Shown with a failure in red in the overview's feature list, from worst to mildest. */
    private static final List<Status> SEVERITY = List.of(Status.FAIL, Status.ERROR, Status.XPASS, Status.FLAKY,
            Status.XFAIL, Status.PASS, Status.NOT_APPLICABLE);

    /** The page that lists the scenarios every count of the overview counts. */
    public static final String SCENARIOS_PAGE = "scenarios.html";

    /** The stylesheet every page links, at the top of the report directory. */
    public static final String STYLESHEET = "report.css";

    /** The pages the renderer writes besides the feature pages (under {@code features/}). */
    public static final List<String> PAGES = List.of("index.html", "rules.html", "operations.html", SCENARIOS_PAGE);

    private final RunResults run;
    private final RuleRegistry registry;
    private final Map<String, FeatureDocument> documents;
    private final Map<String, List<WireExchange>> evidence;
    private final Map<String, ScenarioResult> scenariosById = new HashMap<>();
    private final Map<String, RuleResult> rulesById = new HashMap<>();

    /**
     * @param run       the results
     * @param registry  the registry the results were judged against
     * @param documents parsed feature files by path under {@code features/} (may lack some: their
     *                  pages then show no source)
     * @param evidence  wire exchanges by scenario ID
     */
    public ReportRenderer(RunResults run, RuleRegistry registry, Map<String, FeatureDocument> documents,
                          Map<String, List<WireExchange>> evidence) {
        this.run = run;
        this.registry = registry;
        this.documents = Map.copyOf(documents);
        this.evidence = Map.copyOf(evidence);
        run.scenarios().forEach(s -> scenariosById.put(s.id(), s));
        run.rules().forEach(r -> rulesById.put(r.id(), r));
    }

    /** Writes every page into the directory; returns the files written, relative to it. */
    public List<String> writeAll(Path directory) throws IOException {
        List<String> written = new ArrayList<>();
        // One stylesheet for every page, beside them: pages link it rather than each carrying its own copy.
        Files.createDirectories(directory);
        try (var css = ReportRenderer.class.getClassLoader().getResourceAsStream(Templates.ROOT + STYLESHEET)) {
            if (css == null) {
                throw new IOException("the report's stylesheet is missing from the classpath");
            }
            Files.write(directory.resolve(STYLESHEET), css.readAllBytes());
        }
        written.add(STYLESHEET);
        write("index.vm", overviewModel(), directory, "index.html", written);
        write("rules.vm", rulesModel(), directory, "rules.html", written);
        write("operations.vm", operationsModel(), directory, "operations.html", written);
        write("scenarios.vm", scenariosModel(), directory, SCENARIOS_PAGE, written);
        for (FeatureInfo feature : run.features()) {
            write("feature.vm", featureModel(feature), directory, feature.page(), written);
        }
        return written;
    }

    private void write(String template, Map<String, Object> model, Path directory, String page, List<String> written)
            throws IOException {
        Templates.get().renderTo(template, model, directory.resolve(page));
        written.add(page);
    }

    private Map<String, Object> common(String title, String root) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("root", root);
        model.put("stylesheet", root + STYLESHEET);
        model.put("run", run);
        model.put("startText", run.start() == null ? "unknown" : DATE.format(run.start()));
        model.put("durationText", duration(run.durationMs()));
        return model;
    }

    // ---------------------------------------------------------------- overview

    Map<String, Object> overviewModel() {
        Map<String, Object> model = common("Conformance of " + run.target().name(), "");
        model.put("scenarioCounts", scenarioCounts(run.scenarios()).stream()
                .map(c -> c.linkedTo(SCENARIOS_PAGE + "#status-" + c.cssClass())).toList());
        List<StatusCount> ruleCounts = new ArrayList<>();
        for (RuleStatus status : RuleStatus.values()) {
            ruleCounts.add(StatusCount.of(status, run.counts().rules(status)).linkedTo("rules.html#rules-" + status.cssClass()));
        }
        model.put("failures", failureRows());
        model.put("rulesByArea", rulesByArea());
        model.put("requiredFailures", run.failures().stream().filter(f -> f.level() == Level.REQUIRED).count());
        model.put("scenariosPage", SCENARIOS_PAGE);
        model.put("ruleCounts", ruleCounts);
        model.put("totalScenarios", run.scenarios().size());
        model.put("totalRules", run.rules().size());
        model.put("ruleBases", ruleBases());
        model.put("scenarioBases", scenarioBases());
        model.put("levels", levelRows());
        model.put("tentativeFailures", tentativeFailures());
        model.put("declaredProcessors", declaredProcessors());
        List<Capability> capabilities = new ArrayList<>();
        run.target().capabilities().forEach((name, present) -> capabilities.add(new Capability(name, present)));
        model.put("capabilities", capabilities);
        List<FeatureRow> features = new ArrayList<>();
        for (FeatureInfo feature : run.features()) {
            List<ScenarioResult> scenarios = run.scenarios().stream().filter(s -> s.feature().equals(feature.path())).toList();
            List<StatusCount> counts = scenarioCounts(scenarios).stream().filter(c -> c.count() > 0).toList();
            List<StatusCount> linked = counts.stream().map(c -> c.linkedTo(feature.page())).toList();
            String worst = SEVERITY.stream().filter(s -> scenarios.stream().anyMatch(r -> r.status() == s))
                    .findFirst().map(Status::cssClass).orElse("none");
            features.add(new FeatureRow(feature.path(), feature.name(), feature.page(), scenarios.size(), linked, worst));
        }
        // Failing features first, the worst first; then by path.
        features.sort(java.util.Comparator.comparingInt((FeatureRow f) -> severityRank(f.worstCss()))
                .thenComparing(FeatureRow::path));
        model.put("features", features);
        model.put("expectations", run.expectations());
        model.put("warnings", run.warnings());
        model.put("kinds", List.of(Kind.values()));
        return model;
    }

    /** Rules by area and status, as stacked bars; each bar links to its area on the rules page. */
    private Charts.BarChart rulesByArea() {
        Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
        Map<String, String> hrefs = new LinkedHashMap<>();
        List<String> areas = new ArrayList<>(registry.areas());
        run.rules().stream().map(RuleResult::area).filter(a -> a != null && !areas.contains(a)).distinct()
                .forEach(areas::add);
        for (String area : areas) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            run.rules().stream().filter(r -> area.equals(r.area()))
                    .forEach(r -> counts.merge(r.status().name(), 1, Integer::sum));
            if (!counts.isEmpty()) {
                rows.put(area, counts);
                hrefs.put(area, "rules.html#area-" + area);
            }
        }
        List<Charts.Category> categories = new ArrayList<>();
        for (RuleStatus status : RuleStatus.values()) {
            categories.add(new Charts.Category(status.name(), status.label(), status.cssClass()));
        }
        return Charts.bars("rules-by-area", "Rules by area and status", rows, hrefs, categories, "rule");
    }

    private static int severityRank(String css) {
        for (int i = 0; i < SEVERITY.size(); i++) {
            if (SEVERITY.get(i).cssClass().equals(css)) {
                return i;
            }
        }
        return SEVERITY.size();
    }

    /** Every scenario that failed or errored, required first (see {@link RunResults#failures()}). */
    private List<FailureRow> failureRows() {
        List<FailureRow> rows = new ArrayList<>();
        for (ScenarioResult scenario : run.failures()) {
            rows.add(new FailureRow(scenario, scenarioHref(scenario.id(), ""), ruleLinks(scenario.rules(), ""),
                    scenario.oneLineReason(300)));
        }
        return rows;
    }

    static String basisId(Basis basis) {
        return basis.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** How the overview's basis tables count a scenario: passing, failing, expected, not-applicable. */
    static String scenarioCategory(Status status) {
        return switch (status) {
            case PASS, XPASS -> "passing";
            case FAIL, ERROR, FLAKY -> "failing";
            case XFAIL -> "expected";
            case NOT_APPLICABLE -> "not-applicable";
        };
    }

    /** How the overview's basis tables count a rule. */
    static String ruleCategory(RuleStatus status) {
        return switch (status) {
            case PASS, XPASS -> "passing";
            case FAIL, ERROR, FLAKY -> "failing";
            case XFAIL -> "expected";
            case NOT_APPLICABLE -> "not-applicable";
            case NOT_COVERED -> "not-covered";
            case UNTESTABLE -> "untestable";
        };
    }

    /** Required and tentative scenarios, by status (design section 11). */
    private List<LevelRow> levelRows() {
        List<LevelRow> rows = new ArrayList<>();
        for (Level level : Level.values()) {
            RunResults.Counts c = run.counts();
            String decides = level == Level.REQUIRED ? "yes"
                    : run.strict() ? "yes: a strict run" : "no: only a --strict run";
            rows.add(new LevelRow(level.name(), level.label(), level.cssClass(), c.scenarios(level),
                    c.scenarios(level, Status.PASS), c.scenarios(level, Status.FAIL), c.scenarios(level, Status.ERROR),
                    c.scenarios(level, Status.XFAIL), c.scenarios(level, Status.XPASS), c.scenarios(level, Status.FLAKY),
                    c.scenarios(level, Status.NOT_APPLICABLE), decides));
        }
        return rows;
    }

    /** The tentative scenarios that failed (or failed as expected), with the kit's reason for each. */
    private List<TentativeFailure> tentativeFailures() {
        List<TentativeFailure> failures = new ArrayList<>();
        for (ScenarioResult scenario : run.tentativeFailures()) {
            String text = scenario.errorMessage() != null ? scenario.errorMessage() : scenario.errorType();
            String first = text == null ? null : text.strip().lines().findFirst().orElse(null);
            if (first != null && first.length() > 300) {
                first = first.substring(0, 297) + "...";
            }
            failures.add(new TentativeFailure(scenario, scenarioHref(scenario.id(), ""), ruleLinks(scenario.rules(), ""),
                    first));
        }
        return failures;
    }

    /** The processor behaviours the target declared ({@code processor:X} capabilities it has). */
    private List<String> declaredProcessors() {
        List<String> declared = new ArrayList<>();
        run.target().capabilities().forEach((name, present) -> {
            if (present && name.startsWith("processor:")) {
                declared.add(name.substring("processor:".length()));
            }
        });
        return declared;
    }

    private List<RuleBasisRow> ruleBases() {
        List<RuleBasisRow> rows = new ArrayList<>();
        for (Basis basis : Basis.values()) {
            List<RuleResult> rules = run.rules().stream().filter(r -> r.kind() != null && r.kind().basis() == basis).toList();
            int passing = count(rules, RuleStatus.PASS) + count(rules, RuleStatus.XPASS);
            int failing = count(rules, RuleStatus.FAIL) + count(rules, RuleStatus.ERROR) + count(rules, RuleStatus.FLAKY);
            int expected = count(rules, RuleStatus.XFAIL);
            int notApplicable = count(rules, RuleStatus.NOT_APPLICABLE);
            int notCovered = count(rules, RuleStatus.NOT_COVERED);
            int untestable = count(rules, RuleStatus.UNTESTABLE);
            int applicable = rules.size() - notApplicable - untestable;
            rows.add(new RuleBasisRow(basisId(basis), basis.ruleTitle(), rules.size(), passing, failing, expected, notApplicable,
                    notCovered, untestable, applicable, share(passing, applicable)));
        }
        return rows;
    }

    private static int count(List<RuleResult> rules, RuleStatus status) {
        return (int) rules.stream().filter(r -> r.status() == status).count();
    }

    private List<ScenarioBasisRow> scenarioBases() {
        Map<Basis, List<ScenarioResult>> byBasis = new EnumMap<>(Basis.class);
        for (Basis basis : Basis.values()) {
            byBasis.put(basis, new ArrayList<>());
        }
        run.scenarios().forEach(s -> byBasis.get(basisOf(s)).add(s));
        List<ScenarioBasisRow> rows = new ArrayList<>();
        byBasis.forEach((basis, scenarios) -> {
            int passing = (int) scenarios.stream().filter(s -> s.status() == Status.PASS || s.status() == Status.XPASS).count();
            int failing = (int) scenarios.stream().filter(s -> s.status() == Status.FAIL || s.status() == Status.ERROR
                    || s.status() == Status.FLAKY).count();
            int expected = (int) scenarios.stream().filter(s -> s.status() == Status.XFAIL).count();
            int notApplicable = (int) scenarios.stream().filter(s -> s.status() == Status.NOT_APPLICABLE).count();
            rows.add(new ScenarioBasisRow(basisId(basis), basis.scenarioTitle(), scenarios.size(), passing, failing, expected, notApplicable,
                    share(passing, scenarios.size() - notApplicable)));
        });
        return rows;
    }

    /**
     * What a scenario's verdict rests on: its own {@code @assumption} or {@code @model} tag first
     * (a documented rule can have a scenario for a case the documentation leaves open), else the
     * strongest kind among its rules.
     */
    Basis basisOf(ScenarioResult scenario) {
        if (scenario.hasTag("@assumption")) {
            return Basis.KIT_DECISION;
        }
        if (scenario.hasTag("@model")) {
            return Basis.MODEL_ONLY;
        }
        Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
        scenario.rules().forEach(id -> registry.rule(id).ifPresent(rule -> kinds.add(rule.kind())));
        if (kinds.contains(Kind.S) || kinds.contains(Kind.I) || kinds.isEmpty()) {
            return Basis.DOCUMENTED;
        }
        return kinds.contains(Kind.A) ? Basis.KIT_DECISION : Basis.MODEL_ONLY;
    }

    private static String share(int passing, int of) {
        return of <= 0 ? "n/a" : (passing * 100 / of) + "%";
    }

    private static List<StatusCount> scenarioCounts(List<ScenarioResult> scenarios) {
        List<StatusCount> counts = new ArrayList<>();
        for (Status status : Status.values()) {
            counts.add(StatusCount.of(status, (int) scenarios.stream().filter(s -> s.status() == status).count()));
        }
        return counts;
    }

    // ---------------------------------------------------------------- rules

    Map<String, Object> rulesModel() {
        Map<String, Object> model = common("Rules on " + run.target().name(), "");
        List<AreaView> areas = new ArrayList<>();
        for (String area : registry.areas()) {
            List<RuleRow> rows = new ArrayList<>();
            Map<RuleStatus, Integer> counts = new EnumMap<>(RuleStatus.class);
            for (Rule rule : registry.rules()) {
                if (!rule.area().equals(area)) {
                    continue;
                }
                RuleResult result = rulesById.get(rule.id());
                RuleStatus status = result != null ? result.status() : RuleStatus.rollUp(rule, List.of());
                counts.merge(status, 1, Integer::sum);
                rows.add(new RuleRow(rule, status, scenarioLinks(result == null ? List.of() : result.scenarios(), ""),
                        operationLinks(rule.operations(), "")));
            }
            if (rows.isEmpty()) {
                continue;
            }
            List<StatusCount> areaCounts = new ArrayList<>();
            counts.forEach((status, n) -> areaCounts.add(StatusCount.of(status, n)));
            areas.add(new AreaView(area, registry.areaTitle(area), rows, areaCounts));
        }
        model.put("areas", areas);
        model.put("tentativeRules", tentativeRules());
        model.put("ruleSections", ruleSections());
        return model;
    }

    /** The rules every rule count of the overview counts: by status, and by basis and how they fared. */
    private List<GroupSection> ruleSections() {
        List<Group> byStatus = new ArrayList<>();
        List<RuleStatus> worstFirst = new ArrayList<>();
        SEVERITY.forEach(st -> worstFirst.add(RuleStatus.valueOf(st.name())));
        for (RuleStatus status : RuleStatus.values()) {
            if (!worstFirst.contains(status)) {
                worstFirst.add(status);
            }
        }
        for (RuleStatus status : worstFirst) {
            List<RuleResult> rules = run.rules().stream().filter(r -> r.status() == status).toList();
            if (!rules.isEmpty()) {
                byStatus.add(new Group("rules-" + status.cssClass(), status.name() + " \u00b7 " + status.label() + ": "
                        + rules.size(), List.of(), ruleLinks(rules.stream().map(RuleResult::id).toList(), "")));
            }
        }
        List<GroupSection> sections = new ArrayList<>();
        sections.add(new GroupSection("rules-by-status", "Rules by status", run.rules().size(), byStatus));
        for (Basis basis : Basis.values()) {
            List<RuleResult> rules = run.rules().stream().filter(r -> r.kind() != null && r.kind().basis() == basis).toList();
            Map<String, List<String>> byCategory = new LinkedHashMap<>();
            for (String category : List.of("passing", "failing", "expected", "not-applicable", "not-covered", "untestable")) {
                byCategory.put(category, new ArrayList<>());
            }
            rules.forEach(r -> byCategory.get(ruleCategory(r.status())).add(r.id()));
            List<Group> groups = new ArrayList<>();
            byCategory.forEach((category, ids) -> {
                if (!ids.isEmpty()) {
                    groups.add(new Group("basis-" + basisId(basis) + "-" + category, categoryTitle(category) + ": "
                            + ids.size(), List.of(), ruleLinks(ids, "")));
                }
            });
            sections.add(new GroupSection("basis-" + basisId(basis), basis.ruleTitle(), rules.size(), groups));
        }
        return sections;
    }

    private static String categoryTitle(String category) {
        return switch (category) {
            case "passing" -> "Passing (PASS, XPASS)";
            case "failing" -> "Failing (FAIL, ERROR, FLAKY)";
            case "expected" -> "Expected failures (XFAIL)";
            case "not-applicable" -> "Not applicable";
            case "not-covered" -> "Not covered";
            case "untestable" -> "Untestable";
            default -> category;
        };
    }

    // ---------------------------------------------------------------- scenarios

    /**
     * The scenarios every scenario count of the overview counts: by status (and level), by level, and by
     * basis and how they fared, each list where the count's link leads.
     */
    Map<String, Object> scenariosModel() {
        Map<String, Object> model = common("Scenarios on " + run.target().name(), "");
        List<GroupSection> sections = new ArrayList<>();
        // Failures first, the worst first.
        for (Status status : SEVERITY) {
            List<ScenarioResult> scenarios = run.scenarios().stream().filter(s -> s.status() == status).toList();
            if (scenarios.isEmpty()) {
                continue;
            }
            List<Group> groups = new ArrayList<>();
            for (Level level : Level.values()) {
                List<String> ids = scenarios.stream().filter(s -> s.level() == level).map(ScenarioResult::id).toList();
                if (!ids.isEmpty()) {
                    groups.add(new Group("status-" + status.cssClass() + "-" + level.cssClass(),
                            capitalized(level.label()) + ": " + ids.size(), scenarioLinks(ids, ""), List.of()));
                }
            }
            sections.add(new GroupSection("status-" + status.cssClass(), status.name() + " \u00b7 " + status.label(),
                    scenarios.size(), groups));
        }
        for (Level level : Level.values()) {
            List<String> ids = run.scenarios().stream().filter(s -> s.level() == level).map(ScenarioResult::id).toList();
            sections.add(new GroupSection("level-" + level.cssClass(), capitalized(level.label()) + " scenarios",
                    ids.size(), ids.isEmpty() ? List.of() : List.of(new Group(null, null, scenarioLinks(ids, ""), List.of()))));
        }
        for (Basis basis : Basis.values()) {
            List<ScenarioResult> scenarios = run.scenarios().stream().filter(s -> basisOf(s) == basis).toList();
            Map<String, List<String>> byCategory = new LinkedHashMap<>();
            for (String category : List.of("passing", "failing", "expected", "not-applicable")) {
                byCategory.put(category, new ArrayList<>());
            }
            scenarios.forEach(s -> byCategory.get(scenarioCategory(s.status())).add(s.id()));
            List<Group> groups = new ArrayList<>();
            byCategory.forEach((category, ids) -> {
                if (!ids.isEmpty()) {
                    groups.add(new Group("basis-" + basisId(basis) + "-" + category, categoryTitle(category) + ": "
                            + ids.size(), scenarioLinks(ids, ""), List.of()));
                }
            });
            sections.add(new GroupSection("basis-" + basisId(basis), basis.scenarioTitle(), scenarios.size(), groups));
        }
        model.put("sections", sections);
        // One table, every scenario once; each section and group of the index is a filter of it (CSS :target, no
        // script): a row carries a short class per filter it belongs to. Listing each scenario under every section
        // it is in wrote it three times.
        List<Filter> filters = new ArrayList<>();
        Map<String, List<String>> tokensById = new HashMap<>();
        for (GroupSection section : sections) {
            String token = "f" + filters.size();
            filters.add(new Filter(section.anchor(), token, section.title() + ": " + section.count(), section.groups()
                    .stream().filter(g -> g.anchor() != null).toList()));
            section.groups().forEach(g -> g.scenarios().forEach(l -> tokensById.computeIfAbsent(l.id(),
                    k -> new ArrayList<>()).add(token)));
            for (Group group : section.groups()) {
                if (group.anchor() != null) {
                    String groupToken = "f" + filters.size();
                    filters.add(new Filter(group.anchor(), groupToken, section.title() + " \u00b7 " + group.title(),
                            List.of()));
                    group.scenarios().forEach(l -> tokensById.computeIfAbsent(l.id(), k -> new ArrayList<>())
                            .add(groupToken));
                }
            }
        }
        List<ScenarioRow> rows = new ArrayList<>();
        for (Status status : SEVERITY) {
            for (Level level : Level.values()) {
                List<String> ids = run.scenarios().stream().filter(s -> s.status() == status && s.level() == level)
                        .map(ScenarioResult::id).toList();
                for (ScenarioLink link : scenarioLinks(ids, "")) {
                    rows.add(new ScenarioRow(link, level, String.join(" ", tokensById.getOrDefault(link.id(), List.of()))));
                }
            }
        }
        StringBuilder css = new StringBuilder(".filter { display: none; } .filter:target { display: block; }\n"
                + ".filter:target ~ h2.all { display: none; }\n");
        for (Filter filter : filters) {
            css.append('#').append(Html.escape(filter.anchor())).append(":target ~ table.scenario-table tbody tr:not(.")
                    .append(filter.token()).append(") { display: none; }\n");
        }
        model.put("filters", filters);
        model.put("rows", rows);
        model.put("pageStyle", new Html.Markup(css.toString()));
        return model;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The IDs of the rules whose every scenario in this run is tentative (or, with none, that are kit decisions). */
    private Set<String> tentativeRules() {
        Set<String> ids = new java.util.HashSet<>();
        for (Rule rule : registry.rules()) {
            RuleResult result = rulesById.get(rule.id());
            Level level = result != null ? result.level() : RuleResult.levelOf(rule.kind(), List.of());
            if (level == Level.TENTATIVE) {
                ids.add(rule.id());
            }
        }
        return ids;
    }

    private List<ScenarioLink> scenarioLinks(List<String> ids, String root) {
        List<ScenarioLink> links = new ArrayList<>();
        for (String id : ids) {
            ScenarioResult scenario = scenariosById.get(id);
            if (scenario != null) {
                links.add(new ScenarioLink(id, scenario.name(), scenarioHref(id, root), scenario.status(),
                        scenario.feature(), scenario.line()));
            }
        }
        return links;
    }

    static String scenarioHref(String scenarioId, String root) {
        return root + ScenarioIds.featurePage(ScenarioIds.featureOf(scenarioId)) + "#" + ScenarioIds.anchor(scenarioId);
    }

    private List<OperationLink> operationLinks(List<String> operations, String root) {
        return operations.stream().map(op -> new OperationLink(op,
                Operations.isKnown(op) ? root + "operations.html#" + operationAnchor(op) : null)).toList();
    }

    static String operationAnchor(String operation) {
        return "op-" + operation;
    }

    private List<RuleLink> ruleLinks(List<String> ruleIds, String root) {
        return ruleIds.stream().map(id -> {
            RuleResult result = rulesById.get(id);
            return new RuleLink(id, result != null ? root + "rules.html#" + id : null,
                    result != null ? result.status() : null);
        }).toList();
    }

    // ---------------------------------------------------------------- operations

    Map<String, Object> operationsModel() {
        Map<String, Object> model = common("Operations on " + run.target().name(), "");
        List<OperationRow> rows = new ArrayList<>();
        for (String operation : Operations.ALL) {
            List<String> ruleIds = registry.rules().stream().filter(r -> r.operations().contains(operation)).map(Rule::id).toList();
            List<ScenarioResult> scenarios = run.scenarios().stream().filter(s -> s.operations().contains(operation)).toList();
            rows.add(new OperationRow(operation, operationAnchor(operation), ruleLinks(ruleIds, ""),
                    scenarioLinks(scenarios.stream().map(ScenarioResult::id).toList(), ""),
                    scenarioCounts(scenarios).stream().filter(c -> c.count() > 0).toList()));
        }
        model.put("operations", rows);
        model.put("heatMap", operationsByStatus());
        List<RuleRow> crossCutting = new ArrayList<>();
        for (Rule rule : registry.rules()) {
            if (rule.operations().isEmpty()) {
                RuleResult result = rulesById.get(rule.id());
                crossCutting.add(new RuleRow(rule, result != null ? result.status() : RuleStatus.rollUp(rule, List.of()),
                        scenarioLinks(result == null ? List.of() : result.scenarios(), ""), List.of()));
            }
        }
        model.put("crossCutting", crossCutting);
        return model;
    }

    /** The 43 operations against the statuses of the scenarios that call them, as a heat map. */
    private Charts.HeatMap operationsByStatus() {
        Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
        Map<String, String> hrefs = new LinkedHashMap<>();
        for (String operation : Operations.ALL) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            run.scenarios().stream().filter(s -> s.operations().contains(operation))
                    .forEach(s -> counts.merge(s.status().name(), 1, Integer::sum));
            rows.put(operation, counts);
            hrefs.put(operation, "#" + operationAnchor(operation));
        }
        List<Charts.Category> categories = new ArrayList<>();
        for (Status status : List.of(Status.PASS, Status.FAIL, Status.ERROR, Status.XFAIL, Status.XPASS, Status.FLAKY,
                Status.NOT_APPLICABLE)) {
            categories.add(new Charts.Category(status.name(), status.label(), status.cssClass()));
        }
        return Charts.heat("operations-by-status", "Operations by the status of the scenarios that call them", rows,
                hrefs, categories, "scenario");
    }

    // ---------------------------------------------------------------- feature pages

    Map<String, Object> featureModel(FeatureInfo feature) {
        Map<String, Object> model = common(feature.name() + " (" + feature.path() + ")", "../");
        FeatureDocument document = documents.get(feature.path());
        List<ScenarioResult> scenarios = run.scenarios().stream().filter(s -> s.feature().equals(feature.path())).toList();
        List<ScenarioView> views = new ArrayList<>();
        Map<Integer, String> lineClasses = new HashMap<>();
        Map<Integer, String> lineAnchors = new HashMap<>();
        for (ScenarioResult scenario : scenarios) {
            boolean showsFailure = scenario.status() == Status.FAIL || scenario.status() == Status.ERROR
                    || scenario.status() == Status.XFAIL || scenario.status() == Status.FLAKY;
            List<WireExchange> shown = showsFailure ? evidence.getOrDefault(scenario.id(), List.of()) : List.of();
            boolean inSource = document != null && scenario.status() == Status.PASS && shown.isEmpty()
                    && !lineAnchors.containsKey(scenario.line());
            String anchor = ScenarioIds.anchor(scenario.id());
            views.add(new ScenarioView(scenario, anchor, ruleLinks(scenario.rules(), "../"),
                    operationLinks(scenario.operations(), "../"), shown, showsFailure,
                    Expectation.safeHref(scenario.link()), inSource));
            lineClasses.put(scenario.line(), scenario.status().cssClass());
            if (inSource) {
                lineAnchors.put(scenario.line(), anchor);
            }
        }
        Html.Markup source = document == null ? null : sourceMarkup(document.source(), lineClasses, lineAnchors);
        List<FailureRow> failures = new ArrayList<>();
        for (ScenarioResult failed : run.failures()) {
            if (failed.feature().equals(feature.path())) {
                failures.add(new FailureRow(failed, "#" + ScenarioIds.anchor(failed.id()), ruleLinks(failed.rules(), "../"),
                        failed.oneLineReason(300)));
            }
        }
        model.put("failures", failures);
        model.put("feature", new FeatureView(feature.path(), feature.name(),
                document == null ? "" : dedent(document.description()), views, source,
                scenarioCounts(scenarios).stream().filter(c -> c.count() > 0).toList()));
        return model;
    }

    /**
     * A feature's source as one preformatted block, each line numbered, the line of each scenario marked with its
     * status and an anchor ({@code #L12}) for links to it; the line of a scenario shown by its line alone (one that
     * passed) also carries the scenario's anchor. Built here rather than line by line in the template: a feature
     * page is mostly its source, and per-line markup tripled it.
     */
    static Html.Markup sourceMarkup(String text, Map<Integer, String> lineClasses, Map<Integer, String> lineAnchors) {
        String[] lines = text.split("\\r?\\n", -1);
        int width = String.valueOf(lines.length).length();
        StringBuilder html = new StringBuilder(text.length() + lines.length * 8);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String digits = String.valueOf(number);
            String cssClass = lineClasses.get(number);
            String anchor = lineAnchors.get(number);
            if (anchor != null) {
                html.append("<span id=\"").append(Html.escape(anchor)).append("\">");
            }
            if (cssClass != null) {
                html.append("<span id=\"L").append(number).append("\" class=\"").append(Html.escape(cssClass))
                        .append("\">");
            }
            html.append(" ".repeat(width - digits.length())).append(digits).append("  ").append(Html.text(lines[i]));
            if (cssClass != null) {
                html.append("</span>");
            }
            if (anchor != null) {
                html.append("</span>");
            }
            html.append('\n');
        }
        return new Html.Markup(html.toString());
    }

    // ---------------------------------------------------------------- formatting

    /** A feature's description without the indentation it has in the file, line breaks kept. */
    static String dedent(String text) {
        return text.lines().map(String::strip).collect(java.util.stream.Collectors.joining("\n")).strip();
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        Duration d = Duration.ofMillis(millis);
        if (d.toMinutes() == 0) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return d.toHours() > 0
                ? String.format(java.util.Locale.ROOT, "%dh %02dm %02ds", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(java.util.Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
    }

    static String date(Instant instant) {
        return instant == null ? "unknown" : DATE.format(instant);
    }
}
