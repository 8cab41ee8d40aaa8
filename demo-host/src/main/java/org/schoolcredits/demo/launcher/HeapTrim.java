package org.schoolcredits.demo.launcher;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives back the heap that starting grew. {@code java -jar} takes no JVM options from the jar, so the demo
 * runs on the JVM's defaults: on a large machine a G1 heap of a 64th of its memory from the start, all of it
 * touched while Payara deploys (~530 MB committed for ~70 MB live). Once Payara runs, the launcher sets the
 * manageable heap-sizing flags the user left at their defaults and collects once, which uncommits the rest,
 * and lets an idle JVM collect every minute, so a burst's heap is given back too (bench/README.md).
 */
final class HeapTrim {

    /** The flags set, and their values: the heap kept 10–30 % free after a collection; a collection when idle 60 s. */
    static final Map<String, String> FLAGS = flags();

    private HeapTrim() {
    }

    private static Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("MinHeapFreeRatio", "10"); // before Max: Min may never exceed Max
        flags.put("MaxHeapFreeRatio", "30");
        flags.put("G1PeriodicGCInterval", "60000");
        return flags;
    }

    /** Sets each of {@link #FLAGS} that nobody set on the command line, then collects. */
    static void trim() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Map<String, VMOption.Origin> origins = new LinkedHashMap<>();
        FLAGS.keySet().forEach(name -> origins.put(name, vm.getVMOption(name).getOrigin()));
        toSet(origins).forEach((name, value) -> {
            try {
                vm.setVMOption(name, value);
            } catch (IllegalArgumentException e) {
                System.err.println("[launcher] JVM flag " + name + " left as is: " + e.getMessage());
            }
        });
        System.gc();
    }

    /** Of {@link #FLAGS}, those whose value is still the JVM's default (or ergonomic) one. */
    static Map<String, String> toSet(Map<String, VMOption.Origin> origins) {
        Map<String, String> set = new LinkedHashMap<>();
        FLAGS.forEach((name, value) -> {
            VMOption.Origin origin = origins.get(name);
            if (origin == VMOption.Origin.DEFAULT || origin == VMOption.Origin.ERGONOMIC) {
                set.put(name, value);
            }
        });
        return set;
    }
}
