package org.schoolcredits.demo.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.VMOption.Origin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeapTrimTest {

    @Test
    @DisplayName("the launcher sets the heap-sizing flags left at their defaults and keeps those set on the command line")
    void keepsWhatTheUserSet() {
        assertEquals(Map.of("MinHeapFreeRatio", "10", "MaxHeapFreeRatio", "30", "G1PeriodicGCInterval", "60000"),
                HeapTrim.toSet(Map.of("MinHeapFreeRatio", Origin.DEFAULT, "MaxHeapFreeRatio", Origin.ERGONOMIC,
                        "G1PeriodicGCInterval", Origin.DEFAULT)));
        assertEquals(Map.of("MinHeapFreeRatio", "10"),
                HeapTrim.toSet(Map.of("MinHeapFreeRatio", Origin.DEFAULT, "MaxHeapFreeRatio", Origin.VM_CREATION,
                        "G1PeriodicGCInterval", Origin.ENVIRON_VAR)));
    }

    @Test
    @DisplayName("Payara Micro runs alone without Hazelcast, and joins a cluster only when one is named")
    void hazelcastOnlyForACluster() {
        Path war = Path.of("app.war");
        Path root = Path.of("rt");
        assertEquals(List.of("--deploy", "app.war", "--contextroot", "/", "--port", "8080", "--nohazelcast",
                "--disablephonehome", "--rootdir", "rt"), PayaraServer.arguments(war, 8080, root, null));
        assertEquals(List.of("--deploy", "app.war", "--contextroot", "/", "--port", "8080", "--clustername",
                "blue", "--disablephonehome", "--rootdir", "rt"), PayaraServer.arguments(war, 8080, root, "blue"));
    }
}
