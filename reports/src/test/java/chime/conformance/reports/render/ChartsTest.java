package chime.conformance.reports.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The geometry of the pictures: one scale for every bar, cells as dark as their counts are large. */
class ChartsTest {

    static final List<Charts.Category> CATEGORIES = List.of(new Charts.Category("PASS", "passed", "pass"),
            new Charts.Category("FAIL", "failed", "fail"));

    @Test
    void barsShareOneScaleAndStackInCategoryOrder() {
        Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
        rows.put("BAN", Map.of("FAIL", 2, "PASS", 6));
        rows.put("TAG", Map.of("PASS", 4));
        Charts.BarChart chart = Charts.bars("c", "t", rows, Map.of("BAN", "rules.html#area-BAN"), CATEGORIES, "rule");
        Charts.Bar ban = chart.bars().get(0);
        assertThat(ban.total(), is(8));
        assertThat(ban.segments().get(0).name(), is("PASS"));
        assertThat(Double.parseDouble(ban.segments().get(0).width()), is(480.0));
        assertThat(Double.parseDouble(ban.segments().get(1).x()), is(Charts.LABEL_WIDTH + 480.0));
        assertThat(Double.parseDouble(ban.segments().get(1).width()), is(160.0));
        assertThat(ban.segments().get(1).title(), is("BAN: 2 rules FAIL (failed)"));
        Charts.Bar tag = chart.bars().get(1);
        assertThat(Double.parseDouble(tag.segments().get(0).width()), is(320.0));
        assertThat(tag.href(), is((String) null));
        assertThat(chart.legend().size(), is(2));
    }

    @Test
    void heatCellsDarkenWithTheirCount() {
        Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
        rows.put("CreateChannel", Map.of("PASS", 100, "FAIL", 1));
        rows.put("DeleteChannel", Map.of());
        rows.put("UpdateChannel", Map.of("PASS", 25, "FAIL", 4));
        Charts.HeatMap map = Charts.heat("h", "t", rows, Map.of(), CATEGORIES, "scenario");
        Charts.HeatCell pass = map.rows().get(0).cells().get(0);
        Charts.HeatCell fail = map.rows().get(0).cells().get(1);
        assertThat(pass.opacity(), is("1"));
        assertThat(pass.dark(), is(true));
        assertThat("against its column's largest count", Double.parseDouble(fail.opacity()), is(0.65));
        assertThat(map.rows().get(2).cells().get(1).opacity(), is("1"));
        assertThat(map.rows().get(2).cells().get(0).opacity(), is("0.65"));
        assertThat(map.rows().get(2).cells().get(0).dark(), is(true));
        assertThat(fail.cssClass(), is("fail"));
        assertThat(map.rows().get(1).cells().get(0).cssClass(), is("empty"));
        assertThat(map.rows().get(1).cells().get(0).count(), is(0));
        assertThat(map.columns().get(1).x(), is(Charts.HEAT_LABEL_WIDTH + Charts.CELL_WIDTH));
    }
}
