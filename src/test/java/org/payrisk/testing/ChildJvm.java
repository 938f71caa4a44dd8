package org.payrisk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class of the test classpath in a separate JVM: for what one JVM cannot do to itself (a small
 * heap, another umask, another working folder, being killed part-way).
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Exit status and output of a child JVM. */
    public record Result(int status, String out, String err) {
    }

    /**
     * @param dir working folder of the child
     * @param shellPrefix a shell command run before java (e.g. {@code umask 002}), or null
     * @param jvmOptions options such as {@code -Xmx128m}
     * @param mainClass class with a main method
     * @param args its arguments
     * @return exit status and output
     */
    public static Result run(Path dir, String shellPrefix, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.awt.headless=true");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        if (shellPrefix != null) {
            StringBuilder line = new StringBuilder(shellPrefix).append("; exec");
            for (String c : cmd) {
                line.append(" '").append(c.replace("'", "'\\''")).append('\'');
            }
            cmd = List.of("/bin/sh", "-c", line.toString());
        }
        Path out = Files.createTempFile("child", ".out");
        Path err = Files.createTempFile("child", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
