package chime.conformance.runner.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import chime.conformance.reports.model.Level;
import chime.conformance.reports.model.ResultsFile;
import chime.conformance.reports.model.RunResults;
import chime.conformance.reports.model.ScenarioResult;
import chime.conformance.reports.model.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed run shows its failures first: the console ends with a recap of exactly the scenarios that failed,
 * required ones first; {@code index.html} opens with a Failures section listing exactly them, each linked to
 * its feature page; every count on the overview is a link to the scenarios (or rules) it counts; failing
 * features come first. The failures come from two named faults: {@value #FAULTS}, one caught by required
 * scenarios, one by tentative ones only (see {@link TentativeVerdictTest}).
 */
class FailuresFirstTest {

    static final String FAULTS = "ban-does-not-kick,tags-not-upserted";

    static Path report;
    static Cli run;
    static RunResults results;
    static Document index;
    static final Map<String, Document> pages = new HashMap<>();

    @BeforeAll
    static void failingRun(@TempDir Path dir) throws IOException {
        report = dir.resolve("report");
        run = Cli.run("run", "--target", "reference", "--fault", FAULTS, "--tags", "@area:BAN or @area:TAG or @area:ENDP",
                "--threads", "2", "--report", report.toString());
        results = ResultsFile.read(report);
        index = Jsoup.parse(report.resolve("index.html").toFile(), "UTF-8");
    }

    static Document page(String file) {
        return pages.computeIfAbsent(file, f -> {
            try {
                return Jsoup.parse(report.resolve(f).toFile(), "UTF-8");
            } catch (IOException e) {
                throw new AssertionError("cannot read " + f, e);
            }
        });
    }

    static List<ScenarioResult> failing() {
        return results.scenarios().stream().filter(s -> s.status() == Status.FAIL || s.status() == Status.ERROR).toList();
    }

    @Test
    void theConsoleEndsWithARecapOfExactlyTheFailingScenariosRequiredFirst() {
        assertThat(run.describe(), run.exit(), is(1));
        List<ScenarioResult> failing = failing();
        assertThat("both faults are caught", failing.size(), greaterThan(1));
        assertThat(failing.stream().anyMatch(s -> s.level() == Level.TENTATIVE), is(true));
        String out = run.out();
        int recapStart = out.lastIndexOf("Failures: ");
        assertThat(run.describe(), recapStart, greaterThan(0));
        String recap = out.substring(recapStart);
        Matcher listed = Pattern.compile("(?m)^  (FAIL|ERROR)\\s+(\\S+):(\\d+)  ").matcher(recap);
        List<String> recapped = new ArrayList<>();
        while (listed.find()) {
            recapped.add(listed.group(2) + ":" + listed.group(3));
        }
        List<String> expected = results.failures().stream().map(s -> s.feature() + ":" + s.line()).toList();
        assertThat(recapped, equalTo(expected));
        long required = failing.stream().filter(s -> s.level() == Level.REQUIRED).count();
        assertThat(recap, containsString("Failures: " + required + " required, " + (failing.size() - required)
                + " tentative"));
        assertThat("tentative ones apart, after the required ones", recap.indexOf("Tentative failures"),
                greaterThan(recap.indexOf(expected.get((int) required - 1))));
        for (ScenarioResult s : failing) {
            assertThat(recap, containsString("rules " + String.join(", ", s.rules())));
            assertThat(recap, containsString(report.toAbsolutePath().normalize()
                    .resolve("features").toString()));
        }
        assertThat("the verdict and the report's path come last", out.lastIndexOf("Report: "),
                greaterThan(recapStart));
    }

    @Test
    void theOverviewOpensWithExactlyTheFailingScenariosLinkedToTheirPages() {
        Element failures = index.selectFirst("main > section#failures");
        assertThat(failures, notNullValue());
        assertThat("the Failures section comes before the scenario counts",
                failures.siblingIndex() < index.selectFirst("#scenarios").siblingIndex(), is(true));
        List<String> rows = failures.select("tr.failure").eachAttr("data-scenario");
        assertThat(rows, equalTo(results.failures().stream().map(ScenarioResult::id).toList()));
        assertThat(failures.selectFirst("h2").text(), is("Failures: " + failing().size()));
        List<String> levels = failures.select("tr.failure").eachAttr("data-level");
        assertThat("required first", levels.indexOf("tentative"), greaterThan(levels.lastIndexOf("required")));
        for (Element row : failures.select("tr.failure")) {
            Element link = row.selectFirst("td a[href^=features/]");
            assertThat(row.text(), link, notNullValue());
            assertLinkResolves(link.attr("href"));
            assertThat(row.selectFirst("td.reason").text().isBlank(), is(false));
            assertThat(row.select("a[href^=rules.html#]").isEmpty(), is(false));
        }
    }

    @Test
    void aFeaturePageOpensWithItsOwnFailures() {
        for (String feature : failing().stream().map(ScenarioResult::feature).distinct().toList()) {
            String file = chime.conformance.reports.model.ScenarioIds.featurePage(feature);
            Element section = page(file).selectFirst("main > section#failures");
            assertThat(file, section, notNullValue());
            assertThat(section.select("tr.failure").eachAttr("data-scenario"), equalTo(results.failures().stream()
                    .filter(s -> s.feature().equals(feature)).map(ScenarioResult::id).toList()));
            for (Element link : section.select("tr.failure td a[href^=#]")) {
                assertLinkResolves(file + link.attr("href"));
            }
        }
        List<String> failingFeatures = failing().stream().map(ScenarioResult::feature).distinct().toList();
        String passing = results.features().stream().map(f -> f.path()).filter(f -> !failingFeatures.contains(f))
                .findFirst().orElseThrow(() -> new AssertionError("the run has a feature without failures"));
        assertThat("a page without failures has no such section", page(chime.conformance.reports.model.ScenarioIds
                .featurePage(passing)).selectFirst("section#failures"), org.hamcrest.Matchers.nullValue());
    }

    @Test
    void everyCountOnTheOverviewLinksToWhatItCounts() {
        int links = 0;
        for (Element count : index.select("#scenario-counts .card, #levels td.num, #scenario-basis td.num,"
                + " #rule-counts .card, #rule-basis td.num")) {
            Element number = count.hasClass("card") ? count.selectFirst(".n") : count;
            if (number.text().endsWith("%") || number.text().equals("n/a")) {
                continue; // a share, not a count
            }
            int n = Integer.parseInt(number.text());
            String href = count.is("a") ? count.attr("href") : count.select("a").attr("href");
            if (n == 0) {
                assertThat("a zero count leads nowhere: " + count.outerHtml(), href, is(""));
                continue;
            }
            assertThat("a count is a link: " + count.outerHtml(), href.isEmpty(), is(false));
            Element target = assertLinkResolves(href);
            int listed = target.hasClass("filter") ? filtered(target)
                    : target.is("h3, h4") ? target.nextElementSibling().children().size()
                    : target.select("li").size();
            assertThat(href, listed, is(n));
            links++;
        }
        assertThat(links, greaterThan(15));
    }

    @Test
    void failingFeaturesComeFirst() {
        List<Element> rows = index.select("#feature-table tbody tr");
        List<String> classes = rows.stream().map(Element::className).toList();
        assertThat(classes.get(0), is("fail"));
        int lastFailing = classes.lastIndexOf("fail");
        assertThat("no passing feature before a failing one", classes.subList(0, lastFailing + 1).contains("pass"),
                is(false));
        assertThat(classes.subList(lastFailing + 1, classes.size()).contains("fail"), is(false));
        assertThat(rows.get(0).select("a.badge").isEmpty(), is(false));
        assertThat(rows.get(0).select("a.badge").attr("href"), not(""));
    }

    /**
     * The pictures are inline SVG drawn by the templates, with no script: rules by area as stacked bars on the
     * overview, each segment as long as its count on one scale; operations by status as a heat map on the
     * operations page, each cell holding the number of scenarios it stands for.
     */
    @Test
    void rulesByAreaAreStackedBarsOfTheRulesStatuses() {
        Element chart = index.selectFirst("figure#rules-by-area > svg");
        assertThat(chart, notNullValue());
        assertThat(index.select("script"), org.hamcrest.Matchers.empty());
        assertThat(chart.selectFirst("title").text(), is("Rules by area and status"));
        List<Element> bars = chart.select("g.bar");
        Map<String, Long> rulesByArea = new HashMap<>();
        results.rules().forEach(r -> rulesByArea.merge(r.area(), 1L, Long::sum));
        assertThat(bars.size(), is(rulesByArea.size()));
        double unit = -1;
        for (Element bar : bars) {
            String area = bar.attr("data-label");
            int total = 0;
            for (Element segment : bar.select("rect.seg")) {
                int count = Integer.parseInt(segment.attr("data-count"));
                String status = segment.attr("data-status");
                assertThat(area + " " + status, count, is((int) results.rules().stream()
                        .filter(r -> area.equals(r.area()) && r.status().name().equals(status)).count()));
                double perRule = Double.parseDouble(segment.attr("width")) / count;
                if (unit < 0) {
                    unit = perRule;
                }
                assertThat("one scale for every segment", Math.abs(perRule - unit) < 0.05, is(true));
                assertThat(segment.selectFirst("title").text(), containsString(area + ": " + count + " rule"));
                total += count;
            }
            assertThat(area, total, is(rulesByArea.get(area).intValue()));
            assertThat(bar.attr("data-total"), is(Integer.toString(total)));
            assertLinkResolves(bar.selectFirst("a").attr("href"));
        }
        Element ban = chart.selectFirst("g.bar[data-label=BAN]");
        assertThat("the faulty run's failures show", ban.select("rect.seg.fail").isEmpty(), is(false));
        assertThat(chart.select("g.legend-item").isEmpty(), is(false));
    }

    @Test
    void operationsByStatusAreAHeatMapOfTheScenarios() {
        Document operations = page("operations.html");
        assertThat(operations.select("script"), org.hamcrest.Matchers.empty());
        Element map = operations.selectFirst("figure#operations-by-status > svg");
        assertThat(map, notNullValue());
        List<Element> rows = map.select("g.heat-row");
        assertThat(rows.size(), is(43));
        List<String> columns = map.select("text.col").stream().map(Element::ownText).toList();
        assertThat(columns, equalTo(List.of("PASS", "FAIL", "ERROR", "XFAIL", "XPASS", "FLAKY", "NOT_APPLICABLE")));
        for (Element row : rows) {
            String operation = row.attr("data-label");
            List<Element> cells = row.select("rect.cell");
            assertThat(cells.size(), is(columns.size()));
            for (int i = 0; i < cells.size(); i++) {
                String status = columns.get(i);
                int expected = (int) results.scenarios().stream().filter(s -> s.operations().contains(operation)
                        && s.status().name().equals(status)).count();
                assertThat(operation + " " + status, Integer.parseInt(cells.get(i).attr("data-count")), is(expected));
                assertThat(cells.get(i).hasClass("empty"), is(expected == 0));
            }
            assertLinkResolves("operations.html" + row.selectFirst("a").attr("href"));
        }
        Element bans = map.selectFirst("g.heat-row[data-label=CreateChannelBan]");
        assertThat(Integer.parseInt(bans.select("rect.cell").get(1).attr("data-count")), greaterThan(0));
    }

    /**
     * How many rows of the scenarios page's table a filter of it shows: the rows of the class its style rule keeps
     * ({@code #ANCHOR:target ~ table... tr:not(.TOKEN) { display: none; }}).
     */
    static int filtered(Element filter) {
        Document page = filter.ownerDocument();
        String rule = page.select("head style").html().lines()
                .filter(l -> l.startsWith("#" + filter.id() + ":target ")).findFirst()
                .orElseThrow(() -> new AssertionError("no style rule for the filter " + filter.id()));
        String token = rule.replaceAll(".*tr:not\\(\\.([\\w-]+)\\).*", "$1");
        return page.select("table.scenario-table tbody tr." + token).size();
    }

    /** Follows a link of the overview to its element: the page exists and has the anchor. */
    static Element assertLinkResolves(String href) {
        int hash = href.indexOf('#');
        String file = hash < 0 ? href : href.substring(0, hash);
        Document target = page(file);
        if (hash < 0) {
            return target.body();
        }
        String anchor = href.substring(hash + 1);
        Element element = target.getElementById(anchor);
        assertThat("no element #" + anchor + " in " + file, element, notNullValue());
        return element;
    }
}
