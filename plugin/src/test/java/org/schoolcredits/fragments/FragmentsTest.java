package org.schoolcredits.fragments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentsTest {

    @Test
    @DisplayName("the registry is the descriptor's fragments, by mount point then weight, with modules relative to the context root")
    void fromTheDescriptor() {
        List<Fragment> fragments = new Fragments().all();
        assertEquals(List.of("credits-balance", "credits-cost", "credits-banner", "credits-topup-dialog",
                "credits-finance", "credits-settings"), fragments.stream().map(Fragment::element).toList());
        Fragment widget = fragments.get(0);
        assertEquals(new Fragment("balance-widget", "credits-balance", "credits/credits-balance.js", "dashboard.widget",
                10, "credits.view"), widget);
    }

    @Test
    @DisplayName("another plugin's descriptor on the class path is not read as ours")
    void onlyOurs(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("META-INF"));
        Files.writeString(dir.resolve("META-INF/plugin-descriptor.xml"), """
                <plugin xmlns="https://schoolcredits.org/plugin-descriptor/1" id="org.example.other" version="1">
                  <fragments><fragment id="x" mount="dashboard.widget" weight="1" permission="credits.view"
                    module="other/x.js" element="other-x"/></fragments>
                </plugin>""");
        ClassLoader otherFirst = new ClassLoader(null) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> urls = new ArrayList<>(List.of(dir.resolve(name).toUri().toURL()));
                urls.addAll(Collections.list(FragmentsTest.class.getClassLoader().getResources(name)));
                return Collections.enumeration(urls);
            }
        };
        assertEquals("credits-balance", Fragments.read(otherFirst).get(0).element());
        assertEquals(6, Fragments.read(otherFirst).size());
    }
}
