package chime.conformance.reports.render;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The Velocity engines of the kit's outputs: templates from the classpath, every inserted value escaped for
 * what is written (HTML for the report's pages, a Markdown table cell for the kill matrix).
 */
public final class Templates {

    /** Where the build packages {@code reports/templates}. */
    public static final String ROOT = "chime/conformance/reports/templates/";

    private static final Templates HTML = new Templates(HtmlEscapingInsertion.class);
    private static final Templates MARKDOWN = new Templates(MarkdownCellInsertion.class);

    private final VelocityEngine engine;

    private Templates(Class<? extends ReferenceInsertionEventHandler> escaping) {
        Properties properties = new Properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
        properties.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, StandardCharsets.UTF_8.name());
        properties.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, escaping.getName());
        // A misspelt reference must break the build's tests, not silently render as "$rule.stauts".
        properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        properties.setProperty(RuntimeConstants.VM_LIBRARY, ROOT + "macros.vm");
        properties.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        engine = new VelocityEngine(properties);
        engine.init();
    }

    public static Templates get() {
        return HTML;
    }

    /** For Markdown: every inserted value is fit for a table cell (no pipe, no line break). */
    public static Templates markdown() {
        return MARKDOWN;
    }

    public String render(String template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        render(template, model, out);
        return out.toString();
    }

    public void render(String template, Map<String, Object> model, Writer out) {
        Template t = engine.getTemplate(ROOT + template, StandardCharsets.UTF_8.name());
        VelocityContext context = new VelocityContext();
        model.forEach(context::put);
        t.merge(context, out);
    }

    public void renderTo(String template, Map<String, Object> model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            render(template, model, out);
        }
    }
}
