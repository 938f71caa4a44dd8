package org.payrisk.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Scenarios;

/**
 * A real standalone Spark cluster on loopback, started by the test: a master and a worker, each its
 * own JVM ({@code org.apache.spark.deploy.master.Master}, {@code ...worker.Worker} on 127.0.0.1)
 * from the Maven artifacts. The worker's SPARK_HOME is a folder whose jars/ links the jars of
 * target/spark.classpath, with a RELEASE file. This test's JVM is the driver and ships
 * target/payrisk.jar; the worker starts the executor JVM.
 *
 * <p>Checks: summary.json equals the local engine's; and when the executor process is killed
 * (SIGKILL) in the middle of a run, Spark starts another executor, reruns the lost blocks, and the run
 * still gives the local engine's bytes.
 *
 * <p>An integration test (failsafe, profile {@code spark-cluster}): it needs target/payrisk.jar and
 * takes minutes. {@code mvn -B -Pspark-cluster verify}.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SparkClusterIT {

    static final String LOOPBACK = "127.0.0.1";

    static Path base;
    static Process master;
    static Process worker;
    static Path workDir;
    static String masterUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        Path jar = Path.of("target/payrisk.jar").toAbsolutePath();
        Path classpath = Path.of("target/spark.classpath");
        assertTrue(Files.isRegularFile(jar), "run after package: " + jar);
        assertTrue(Files.isRegularFile(classpath), "written by the build: " + classpath);
        base = Files.createDirectories(Path.of("target/spark-cluster").toAbsolutePath());
        Path home = base.resolve("spark-home");
        deleteTree(home);
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : Files.readString(classpath).trim().split(File.pathSeparator)) {
            Path p = Path.of(entry);
            Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
        }
        // Spark's launcher takes a folder with RELEASE for an installed distribution whose jars are in jars/
        Files.writeString(home.resolve("RELEASE"), "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
                + " (jars from Maven, for payrisk's cluster test)\n");
        workDir = base.resolve("work");
        deleteTree(workDir);
        Files.createDirectories(workDir);

        int masterPort = freePort();
        masterUrl = "spark://" + LOOPBACK + ":" + masterPort;
        master = start(home, "master", "org.apache.spark.deploy.master.Master", "--host", LOOPBACK, "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
        waitFor(() -> canConnect(masterPort), Duration.ofMinutes(3), "the master to listen on " + masterUrl);
        worker = start(home, "worker", "org.apache.spark.deploy.worker.Worker", "--host", LOOPBACK, "--cores", "2",
                "--memory", "1g", "--work-dir", workDir.toString(), "--webui-port", String.valueOf(freePort()), masterUrl);
        waitFor(() -> log("master").contains("Registering worker"), Duration.ofMinutes(3), "the worker to register");
    }

    @AfterAll
    static void stopCluster() {
        for (Process p : new Process[] {worker, master}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    static SparkEngine connect() {
        return new SparkEngine(masterUrl, Map.of(
                "spark.driver.host", LOOPBACK,
                "spark.driver.bindAddress", LOOPBACK,
                "spark.jars", Path.of("target/payrisk.jar").toAbsolutePath().toString(),
                "spark.executor.memory", "512m",
                "spark.ui.enabled", "false"));
    }

    @Test
    void clusterRunGivesTheLocalEnginesBytesEvenWhenTheExecutorIsKilled() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/ot-private-practice.yaml"));
        long seed = 20261127L;
        int trials = 16 * 1024 + 100; // 17 blocks, the last one short
        byte[] expected = SparkLocalEngineTest.summaryJson(s, Scenarios.run(s, trials, seed, 2), seed);

        try (SparkEngine spark = connect()) {
            // an undisturbed run
            TrialOutcomes plain = spark.run(s, new RunSettings(2100, seed, 1), SimulationEngine.Progress.NONE);
            assertArrayEquals(SparkLocalEngineTest.summaryJson(s, Scenarios.run(s, 2100, seed, 1), seed),
                    SparkLocalEngineTest.summaryJson(s, plain, seed));

            // a run whose executor is killed once the first block is back
            String app = spark.applicationId();
            ProcessHandle executor = executorOf(app).orElseThrow(() -> new AssertionError("no executor process of " + app));
            AtomicInteger merged = new AtomicInteger();
            CompletableFuture<Void> firstBlock = new CompletableFuture<>();
            CompletableFuture<TrialOutcomes> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return spark.run(s, new RunSettings(trials, seed, 1), n -> {
                        merged.addAndGet(n);
                        firstBlock.complete(null);
                    });
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            firstBlock.get(10, TimeUnit.MINUTES);
            assertTrue(merged.get() < trials, "the executor is killed in the middle of the run");
            executor.destroyForcibly();
            executor.onExit().get(1, TimeUnit.MINUTES);
            TrialOutcomes afterKill = run.get(12, TimeUnit.MINUTES);

            assertEquals(trials, merged.get(), "every trial merged exactly once");
            assertArrayEquals(expected, SparkLocalEngineTest.summaryJson(s, afterKill, seed));
            ProcessHandle replacement = executorOf(app).orElseThrow(() -> new AssertionError("no new executor of " + app));
            assertTrue(replacement.pid() != executor.pid(), "Spark started another executor");
            try (Stream<Path> dirs = Files.list(workDir.resolve(app))) {
                assertTrue(dirs.count() >= 2, "the worker ran a second executor for the application");
            }
        }
    }

    /** The executor JVM the worker started for this application (its command line names the app). */
    static Optional<ProcessHandle> executorOf(String app) {
        return worker.descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("CoarseGrainedExecutorBackend") && c.contains(app))
                        .orElse(false))
                .filter(ProcessHandle::isAlive)
                .findFirst();
    }

    static Process start(Path home, String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(List.of(System.getProperty("payrisk.spark.jvm.options", "").trim().split("\\s+")));
        cmd.add("-Dlog4j2.configurationFile=" + base.resolve("log4j2.properties"));
        cmd.add("-cp");
        cmd.add(home.resolve("jars") + File.separator + "*");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        cmd.removeIf(String::isEmpty);
        // master and worker log at INFO, into their own files: the test reads "Registering worker"
        Files.writeString(base.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level = info", "rootLogger.appenderRef.stderr.ref = console", "appender.console.type = Console",
                "appender.console.name = console", "appender.console.target = SYSTEM_ERR",
                "appender.console.layout.type = PatternLayout", "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex", ""));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(base.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", LOOPBACK);
        return pb.start();
    }

    static String log(String name) {
        try {
            return Files.readString(base.resolve(name + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check, Duration limit, String what) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up waiting for " + what + "\n--- master.log\n" + log("master")
                        + "\n--- worker.log\n" + log("worker"));
            }
            if (!master.isAlive() || (worker != null && !worker.isAlive())) {
                throw new AssertionError("a cluster JVM exited\n--- master.log\n" + log("master") + "\n--- worker.log\n" + log("worker"));
            }
            Thread.sleep(250);
        }
    }

    static boolean canConnect(int port) {
        try (Socket s = new Socket(InetAddress.getByName(LOOPBACK), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
