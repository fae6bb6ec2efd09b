package chime.conformance.runner.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The kit's version and commit, from the jar manifest and the build's git properties when present. */
public final class KitVersion implements IVersionProvider {

    public static String version() {
        String v = KitVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    public static String commit() {
        try (InputStream in = KitVersion.class.getResourceAsStream("/chime-conformance-build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String commit = p.getProperty("git.commit.id.abbrev", "unknown");
            return "true".equals(p.getProperty("git.dirty")) ? commit + "-dirty" : commit;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"chime-conformance " + version() + " (" + commit() + ")"};
    }
}
