package org.schoolcredits.demo.launcher;

import fish.payara.micro.BootstrapException;
import fish.payara.micro.boot.PayaraMicroBoot;
import fish.payara.micro.boot.PayaraMicroLauncher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro in the launcher's own JVM ({@code lib/payara-micro.jar} is on the launcher jar's
 * {@code Class-Path}), booted as {@code java -jar payara-micro.jar <args>} would boot it. One JVM
 * instead of a launcher JVM waiting on a Payara JVM: ~100 MB less resident (bench/README.md).
 */
final class PayaraServer {

    private final PayaraMicroBoot boot;

    private PayaraServer(PayaraMicroBoot boot) {
        this.boot = boot;
    }

    /**
     * Boots Payara Micro and deploys {@code war} at {@code /}; returns once it is deployed. The
     * settings, given to the application as system properties, win over its environment.
     */
    static PayaraServer start(Path war, int port, Path rootDir, String clusterName, Map<String, String> settings)
            throws Exception {
        settings.forEach(System::setProperty);
        return new PayaraServer(PayaraMicroLauncher.create(arguments(war, port, rootDir, clusterName)
                .toArray(String[]::new)));
    }

    /** Payara Micro's command line: alone without Hazelcast (--nocluster still ran it, ~40 MB) unless a cluster is named. */
    static List<String> arguments(Path war, int port, Path rootDir, String clusterName) {
        List<String> args = new ArrayList<>(List.of("--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(port)));
        args.addAll(clusterName == null ? List.of("--nohazelcast") : List.of("--clustername", clusterName));
        args.addAll(List.of("--disablephonehome", "--rootdir", rootDir.toString()));
        return args;
    }

    /**
     * Undeploys and stops Payara, waiting at most {@code seconds}: Payara's own shutdown hook stops it at the same
     * time, and the two were seen to hang, which left PostgreSQL running once the launcher was killed.
     */
    void stop(int seconds) {
        Thread stopping = new Thread(() -> {
            try {
                boot.shutdown();
            } catch (IllegalStateException e) {
                // "not running": Payara's own shutdown hook stopped it first
            } catch (BootstrapException | RuntimeException e) {
                System.err.println("[launcher] Payara Micro did not stop cleanly: " + e);
            }
        }, "payara-stop");
        stopping.setDaemon(true);
        stopping.start();
        try {
            stopping.join(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
