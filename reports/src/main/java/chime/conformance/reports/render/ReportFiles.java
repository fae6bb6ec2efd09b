package chime.conformance.reports.render;

import chime.conformance.reports.model.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a run writes into its report directory, and their removal before the next run writes there: an
 * earlier run's feature pages must not linger beside a new report that has no scenario of theirs. Only a
 * directory that holds an earlier report of the kit ({@code results.json} of its schema) is cleaned, and only
 * of the files the kit writes; anything else in it stays.
 */
public final class ReportFiles {

    public static final String RESULTS = "results.json";
    public static final String JUNIT = "junit.xml";
    public static final String NDJSON = "cucumber-messages.ndjson";
    public static final String FEATURE_PAGES = "features";

    private ReportFiles() {
    }

    /** The files of the report at the top of the directory. */
    public static List<String> topLevel() {
        List<String> files = new ArrayList<>(ReportRenderer.PAGES);
        files.add(ReportRenderer.STYLESHEET);
        files.add(RESULTS);
        files.add(JUNIT);
        files.add(NDJSON);
        return files;
    }

    /** Removes an earlier report's files from {@code dir}; returns how many were removed. */
    public static int clean(Path dir) throws IOException {
        Path results = dir.resolve(RESULTS);
        if (!Files.isRegularFile(results) || !isKitResults(results)) {
            return 0;
        }
        int removed = 0;
        for (String file : topLevel()) {
            if (Files.deleteIfExists(dir.resolve(file))) {
                removed++;
            }
        }
        Path pages = dir.resolve(FEATURE_PAGES);
        if (Files.isDirectory(pages)) {
            try (DirectoryStream<Path> html = Files.newDirectoryStream(pages, "*.html")) {
                for (Path page : html) {
                    Files.delete(page);
                    removed++;
                }
            }
            try (DirectoryStream<Path> rest = Files.newDirectoryStream(pages)) {
                if (!rest.iterator().hasNext()) {
                    Files.delete(pages);
                }
            }
        }
        return removed;
    }

    private static boolean isKitResults(Path results) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (var in = Files.newInputStream(results)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String schema = RunResults.SCHEMA.substring(0, RunResults.SCHEMA.lastIndexOf('/') + 1);
        return new String(head, 0, n, StandardCharsets.UTF_8).contains(schema);
    }
}
