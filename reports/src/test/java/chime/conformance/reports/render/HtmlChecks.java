package chime.conformance.reports.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/** Checks every HTML page of a report directory. */
final class HtmlChecks {

    private HtmlChecks() {
    }

    static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), StandardCharsets.UTF_8.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Every local link points to an existing page, and every fragment to an element with that id. */
    static void assertAllLocalLinksResolve(Path dir) throws IOException {
        Map<Path, Document> documents = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path page : pages(dir)) {
            Document document = documents.computeIfAbsent(page.normalize(), HtmlChecks::parse);
            for (Element link : document.select("a[href]")) {
                String href = link.attr("href");
                URI uri = URI.create(href);
                if (uri.getScheme() != null) {
                    continue;
                }
                Path target = uri.getPath() == null || uri.getPath().isEmpty() ? page : page.getParent().resolve(uri.getPath());
                target = target.normalize();
                if (!Files.isRegularFile(target)) {
                    broken.add(dir.relativize(page) + ": " + href + " (no such page)");
                    continue;
                }
                if (uri.getFragment() != null) {
                    Document targetDocument = documents.computeIfAbsent(target, HtmlChecks::parse);
                    if (targetDocument.getElementById(uri.getFragment()) == null) {
                        broken.add(dir.relativize(page) + ": " + href + " (no such anchor)");
                    }
                }
            }
        }
        assertThat("broken links: " + broken, broken, is(empty()));
    }

    /** Nothing the report wrote may execute: no script element, no inline event handler, no javascript: URL. */
    static void assertNothingExecutable(Path dir) throws IOException {
        for (Path page : pages(dir)) {
            Document document = parse(page);
            assertThat(page + " has a script element", document.select("script").size(), is(0));
            assertThat(page + " has an iframe, object or embed", document.select("iframe, object, embed").size(), is(0));
            for (Element element : document.getAllElements()) {
                element.attributes().forEach(attribute -> {
                    assertThat(page + ": event handler attribute " + attribute.getKey(),
                            attribute.getKey().toLowerCase().startsWith("on"), is(false));
                    assertThat(page + ": javascript URL in " + attribute.getKey(),
                            attribute.getValue().strip().toLowerCase().startsWith("javascript:"), is(false));
                });
            }
            String html = Files.readString(page, StandardCharsets.UTF_8);
            assertThat(page + " loads something from the network", html.matches("(?s).*(src|href)=\"(https?:)?//[^\"]*\\.(css|js|woff2?|png|svg)\".*"), is(false));
        }
    }
}
