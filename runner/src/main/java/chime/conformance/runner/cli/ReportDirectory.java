package chime.conformance.runner.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory a command writes into, checked first so that a mistake is told in words that say what to do. */
final class ReportDirectory {

    private ReportDirectory() {
    }

    /** Creates {@code dir} if need be; refuses a file, or a place that cannot be written. */
    static void prepare(Path dir, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is a file, not a directory: give a directory"
                    + " for the report (it is created if missing), e.g. " + option + " conformance-report");
        }
        for (Path up = dir.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new IllegalArgumentException("cannot create the directory " + dir + " (" + option + "): "
                            + up + " is a file; give a path under a directory");
                }
                break;
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("cannot create the directory " + dir + " (" + option + "): "
                    + e.getFile() + " is a file; give a path under a directory", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot create the directory " + dir + " (" + option + "): permission"
                    + " denied on " + e.getFile() + "; choose a directory you can write to", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the directory " + dir + " (" + option + "): "
                    + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("cannot write to the directory " + dir + " (" + option + "): permission"
                    + " denied; choose a directory you can write to");
        }
    }
}
