package chime.conformance.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of the report's pictures, computed here so that the templates only draw them as inline SVG
 * (no script, no network): rules by area as stacked bars, operations by status as a heat map. Every shape
 * carries a title (the browser's tooltip) with what it counts, and links where its numbers lead.
 */
public final class Charts {

    private Charts() {
    }

    /** A category of a chart: its name, what it means, and the CSS class that colours it. */
    public record Category(String name, String label, String cssClass) {
    }

    /** A part of a bar: one category's share. */
    public record Segment(String cssClass, String name, int count, String x, String width, String title) {
    }

    /** One bar: a row's label, where it links, its segments and its total. */
    public record Bar(String label, String href, int y, int textY, int total, List<Segment> segments,
                      String totalX) {
    }

    /** A legend entry, with its position. */
    public record LegendItem(String cssClass, String name, String label, int x, int textX) {
    }

    /**
     * Stacked horizontal bars.
     *
     * @param width  of the drawing, in SVG user units (it scales to the page)
     * @param height of the drawing
     */
    public record BarChart(String id, String title, int width, int height, int legendY, int legendTextY,
                           List<Bar> bars, List<LegendItem> legend) {
    }

    /** A cell of the heat map. */
    public record HeatCell(int x, int textX, int count, String cssClass, String opacity, boolean dark, String title) {
    }

    /** A row of the heat map. */
    public record HeatRow(String label, String href, int y, int textY, int total, List<HeatCell> cells) {
    }

    /** A column heading of the heat map. */
    public record HeatColumn(String name, String label, int x, int textX) {
    }

    public record HeatMap(String id, String title, int width, int height, int cellWidth, int cellHeight,
                          int labelWidth, List<HeatColumn> columns, List<HeatRow> rows) {
    }

    static final int LABEL_WIDTH = 70;
    static final int BAR_WIDTH = 640;
    static final int BAR_HEIGHT = 18;
    static final int BAR_GAP = 6;
    static final int LEGEND_STEP = 70;

    /**
     * Stacked bars, one per row, scaled to the largest row's total.
     *
     * @param rows       label to counts by category name, in the order to draw
     * @param hrefs      label to link, or none
     * @param categories the categories, in stacking order
     */
    public static BarChart bars(String id, String title, Map<String, Map<String, Integer>> rows,
                                Map<String, String> hrefs, List<Category> categories, String unit) {
        int max = rows.values().stream().mapToInt(Charts::sum).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Map.Entry<String, Map<String, Integer>> row : rows.entrySet()) {
            int total = sum(row.getValue());
            List<Segment> segments = new ArrayList<>();
            double x = LABEL_WIDTH;
            for (Category category : categories) {
                int count = row.getValue().getOrDefault(category.name(), 0);
                if (count == 0) {
                    continue;
                }
                double width = max == 0 ? 0 : (double) BAR_WIDTH * count / max;
                segments.add(new Segment(category.cssClass(), category.name(), count, number(x), number(width),
                        row.getKey() + ": " + count + " " + unit + (count == 1 ? "" : "s") + " " + category.name()
                                + " (" + category.label() + ")"));
                x += width;
            }
            bars.add(new Bar(row.getKey(), hrefs.get(row.getKey()), y, y + BAR_HEIGHT - 5, total, segments,
                    number(x + 6)));
            y += BAR_HEIGHT + BAR_GAP;
        }
        List<LegendItem> legend = new ArrayList<>();
        int lx = LABEL_WIDTH;
        for (Category category : categories) {
            boolean used = rows.values().stream().anyMatch(r -> r.getOrDefault(category.name(), 0) > 0);
            if (used) {
                legend.add(new LegendItem(category.cssClass(), category.name(), category.label(), lx, lx + 16));
                // 12px text runs about 7.5 units a character: room for the name, then a gap.
                lx += Math.max(LEGEND_STEP, 16 + (int) Math.ceil(category.name().length() * 7.5) + 20);
            }
        }
        int legendY = y + 8;
        int width = Math.max(LABEL_WIDTH + BAR_WIDTH + 50, lx);
        return new BarChart(id, title, width, legendY + 20, legendY, legendY + 11, bars, legend);
    }

    static final int HEAT_LABEL_WIDTH = 300;
    static final int CELL_WIDTH = 104;
    static final int CELL_HEIGHT = 20;
    static final int HEAD_HEIGHT = 24;

    /**
     * A heat map: one row per label, one column per category, each cell as dark as its count is large against
     * the largest count of its column (by square root, so that small counts still show): a column of few
     * failures is as visible as a column of many passes.
     */
    public static HeatMap heat(String id, String title, Map<String, Map<String, Integer>> rows,
                               Map<String, String> hrefs, List<Category> categories, String unit) {
        List<HeatColumn> columns = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            int x = HEAT_LABEL_WIDTH + i * CELL_WIDTH;
            columns.add(new HeatColumn(categories.get(i).name(), categories.get(i).label(), x, x + CELL_WIDTH / 2));
        }
        List<HeatRow> heatRows = new ArrayList<>();
        int y = HEAD_HEIGHT;
        for (Map.Entry<String, Map<String, Integer>> row : rows.entrySet()) {
            List<HeatCell> cells = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                Category category = categories.get(i);
                int count = row.getValue().getOrDefault(category.name(), 0);
                int max = rows.values().stream().mapToInt(r -> r.getOrDefault(category.name(), 0)).max().orElse(0);
                double strength = count == 0 || max == 0 ? 0 : 0.3 + 0.7 * Math.sqrt((double) count / max);
                int x = HEAT_LABEL_WIDTH + i * CELL_WIDTH;
                cells.add(new HeatCell(x, x + CELL_WIDTH / 2, count, count == 0 ? "empty" : category.cssClass(),
                        number(strength), strength > 0.55, row.getKey() + ": " + count + " " + unit
                        + (count == 1 ? "" : "s") + " " + category.name() + " (" + category.label() + ")"));
            }
            heatRows.add(new HeatRow(row.getKey(), hrefs.get(row.getKey()), y, y + CELL_HEIGHT - 6,
                    sum(row.getValue()), cells));
            y += CELL_HEIGHT;
        }
        return new HeatMap(id, title, HEAT_LABEL_WIDTH + categories.size() * CELL_WIDTH + 2, y + 2, CELL_WIDTH,
                CELL_HEIGHT, HEAT_LABEL_WIDTH, columns, heatRows);
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /** One run of a trend: its label, when it started, its verdict, and its scenarios by status name. */
    public record TrendRun(String label, String started, String verdict, Map<String, Integer> counts) {
    }

    /** A part of a run's column: its top and height. */
    public record ColumnSegment(String cssClass, String name, int count, String y, String height, String title) {
    }

    /** One run's column: stacked segments from the bottom, its number under it, the passing share above. */
    public record TrendColumn(int index, String label, String started, String verdict, String title, int x, int textX,
                              int total, int passing, int failing, int failingY, List<ColumnSegment> segments,
                              int pointY) {
    }

    /**
     * Scenarios by status over runs: one stacked column per run, oldest first, on one scale, and a line through
     * the number of scenarios that hold (PASS, XPASS, FLAKY) in each.
     */
    public record TrendChart(String id, String title, int width, int height, int baseY, int labelY,
                             List<TrendColumn> columns, String line, List<LegendItem> legend, int legendY,
                             int legendTextY, int max) {
    }

    static final int TREND_COLUMN = 44;
    static final int TREND_GAP = 20;
    static final int TREND_HEIGHT = 180;
    static final int TREND_LEFT = 40;

    public static TrendChart trend(String id, String title, List<TrendRun> runs, List<Category> categories,
                                   java.util.Set<String> passing) {
        int max = runs.stream().mapToInt(r -> sum(r.counts())).max().orElse(0);
        int top = 22;
        int baseY = top + TREND_HEIGHT;
        List<TrendColumn> columns = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int x = TREND_LEFT;
        for (int i = 0; i < runs.size(); i++) {
            TrendRun run = runs.get(i);
            int total = sum(run.counts());
            int holding = run.counts().entrySet().stream().filter(e -> passing.contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            // A few failures among many passes are a sliver of the column: their number is written above it.
            int failing = run.counts().getOrDefault("FAIL", 0) + run.counts().getOrDefault("ERROR", 0);
            List<ColumnSegment> segments = new ArrayList<>();
            double y = baseY;
            for (Category category : categories) {
                int count = run.counts().getOrDefault(category.name(), 0);
                if (count == 0) {
                    continue;
                }
                double height = max == 0 ? 0 : (double) TREND_HEIGHT * count / max;
                y -= height;
                segments.add(new ColumnSegment(category.cssClass(), category.name(), count, number(y), number(height),
                        "Run " + (i + 1) + ": " + count + " scenario" + (count == 1 ? "" : "s") + " "
                                + category.name() + " (" + category.label() + ")"));
            }
            int pointY = max == 0 ? baseY : (int) Math.round(baseY - (double) TREND_HEIGHT * holding / max);
            line.append(line.length() == 0 ? "" : " ").append(x + TREND_COLUMN / 2).append(',').append(pointY);
            columns.add(new TrendColumn(i + 1, run.label(), run.started(), run.verdict(), "Run " + (i + 1) + ": " + run.label() + ", "
                    + run.started() + ", " + run.verdict() + "; " + holding + " of " + total + " scenarios hold",
                    x, x + TREND_COLUMN / 2, total, holding, failing,
                    (int) Math.round(baseY - (max == 0 ? 0 : (double) TREND_HEIGHT * total / max)) - 4, segments,
                    pointY));
            x += TREND_COLUMN + TREND_GAP;
        }
        List<LegendItem> legend = new ArrayList<>();
        int lx = TREND_LEFT;
        int legendY = baseY + 30;
        for (Category category : categories) {
            boolean used = runs.stream().anyMatch(r -> r.counts().getOrDefault(category.name(), 0) > 0);
            if (used) {
                legend.add(new LegendItem(category.cssClass(), category.name(), category.label(), lx, lx + 16));
                lx += Math.max(LEGEND_STEP, 16 + (int) Math.ceil(category.name().length() * 7.5) + 20);
            }
        }
        int width = Math.max(x + 20, lx + 20);
        return new TrendChart(id, title, width, legendY + 20, baseY, baseY + 16, columns, line.toString(), legend,
                legendY, legendY + 11, max);
    }
}
