package chime.conformance.reports.render;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
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

/** The Velocity engine of the report: templates from the classpath, every inserted value HTML-escaped. */
public final class Templates {

    /** Where the build packages {@code reports/templates}. */
    public static final String ROOT = "chime/conformance/reports/templates/";

    private static final Templates INSTANCE = new Templates();

    private final VelocityEngine engine;

    private Templates() {
        Properties properties = new Properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
        properties.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, StandardCharsets.UTF_8.name());
        properties.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, HtmlEscapingInsertion.class.getName());
        // A misspelt reference must break the build's tests, not silently render as "$rule.stauts".
        properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        properties.setProperty(RuntimeConstants.VM_LIBRARY, ROOT + "macros.vm");
        properties.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        engine = new VelocityEngine(properties);
        engine.init();
    }

    public static Templates get() {
        return INSTANCE;
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
