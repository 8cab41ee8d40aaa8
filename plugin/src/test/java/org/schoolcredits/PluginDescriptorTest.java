package org.schoolcredits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.schoolcredits.app.CreditsApplication;
import org.schoolcredits.rest.Permission;
import org.schoolcredits.rest.Public;
import org.schoolcredits.rest.Requires;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** plugin-descriptor.xml is valid against its schema and tells the truth about the code. */
class PluginDescriptorTest {

    static final java.nio.file.Path CLASSES = Paths.get("target", "classes");
    static Document descriptor;

    @BeforeAll
    static void read() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        try (InputStream in = resource("META-INF/plugin-descriptor.xml")) {
            descriptor = factory.newDocumentBuilder().parse(in);
        }
    }

    static InputStream resource(String name) {
        return PluginDescriptorTest.class.getClassLoader().getResourceAsStream(name);
    }

    @Test
    @DisplayName("the packaged descriptor is valid against its XSD")
    void validAgainstSchema() throws Exception {
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream xsd = resource("META-INF/plugin-descriptor.xsd");
             InputStream xml = resource("META-INF/plugin-descriptor.xml")) {
            schemas.newSchema(new StreamSource(xsd)).newValidator().validate(new StreamSource(xml));
        }
    }

    @Test
    @DisplayName("the declared endpoints are exactly the resource methods, with the same permissions")
    void restEndpoints() {
        Set<String> declared = elements("endpoint").map(e -> e.getAttribute("method") + " " + e.getAttribute("path")
                + " " + e.getAttribute("permission")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inCode = new TreeSet<>();
        for (Class<?> resource : CreditsApplication.RESOURCES) {
            String base = CreditsApplication.PATHS.get(resource);
            for (Method method : resource.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                String path = normalise(base + "/" + (method.isAnnotationPresent(Path.class)
                        ? method.getAnnotation(Path.class).value() : ""));
                inCode.add(verb + " " + path + " " + permission(resource, method));
            }
        }
        assertEquals(declared, inCode);
        assertEquals("/api/credits", elements("rest").findFirst().orElseThrow().getAttribute("base-path"));
    }

    @Test
    @DisplayName("a host's scanning JAX-RS application finds no class of the plugin: no class-level @Path, no @Provider")
    void invisibleToScanning() throws Exception {
        Set<String> found = new TreeSet<>();
        for (Class<?> c : pluginClasses()) {
            if (c.isAnnotationPresent(Path.class) || c.isAnnotationPresent(jakarta.ws.rs.ext.Provider.class)) {
                found.add(c.getName());
            }
        }
        assertEquals(Set.of(), found, "register these in CreditsApplication instead of annotating them");
    }

    @Test
    @DisplayName("every JAX-RS provider of the plugin (filters, readers, mappers, converters) is registered in CreditsApplication")
    void providersRegistered() throws Exception {
        Set<String> unregistered = new TreeSet<>();
        for (Class<?> c : pluginClasses()) {
            boolean provider = Stream.of(jakarta.ws.rs.ext.ExceptionMapper.class, jakarta.ws.rs.ext.MessageBodyReader.class,
                            jakarta.ws.rs.ext.ParamConverterProvider.class, jakarta.ws.rs.ext.ContextResolver.class,
                            jakarta.ws.rs.container.ContainerRequestFilter.class)
                    .anyMatch(i -> i.isAssignableFrom(c));
            if (provider && !c.isInterface() && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())
                    && !c.getPackageName().equals("org.schoolcredits.host") // the host kit's, for a host to register
                    && !org.schoolcredits.app.CreditsApplication.PROVIDERS.contains(c)) {
                unregistered.add(c.getName());
            }
        }
        assertEquals(Set.of(), unregistered);
        assertTrue(org.schoolcredits.app.CreditsApplication.PROVIDERS.containsAll(Set.of(
                org.schoolcredits.rest.ConstraintViolationMapper.class, org.schoolcredits.rest.EnumParams.class)));
    }

    @Test
    @DisplayName("the declared permissions are exactly the ones the code checks")
    void permissions() {
        Set<String> declared = elements("permission").map(e -> e.getAttribute("id")).collect(Collectors.toSet());
        Set<String> inCode = Stream.of(Permission.values()).map(Permission::code).collect(Collectors.toSet());
        assertEquals(inCode, declared);
        elements("permission").forEach(e -> assertEquals(
                Set.of("credits.manage", "credits.platform").contains(e.getAttribute("id")),
                Boolean.parseBoolean(e.getAttribute("risk")), e.getAttribute("id")));
    }

    @Test
    @DisplayName("every declared fragment exists and defines its element; every fragment file is declared")
    void fragments() throws IOException {
        Set<String> declared = new TreeSet<>();
        elements("fragment").forEach(e -> {
            String module = e.getAttribute("module");
            java.nio.file.Path file = CLASSES.resolve("META-INF/resources").resolve(module);
            assertTrue(Files.exists(file), module);
            try {
                assertTrue(Files.readString(file).contains("customElements.define('" + e.getAttribute("element") + "'"),
                        module + " defines " + e.getAttribute("element"));
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            declared.add(module);
        });
        Set<String> defining = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.list(CLASSES.resolve("META-INF/resources/credits"))) {
            for (java.nio.file.Path file : files.toList()) {
                if (Files.readString(file).contains("customElements.define(")) {
                    defining.add("credits/" + file.getFileName());
                }
            }
        }
        assertEquals(defining, declared);
    }

    @Test
    @DisplayName("the declared host events are exactly the ones the plugin observes")
    void events() throws Exception {
        Set<String> declared = elements("observes").map(e -> e.getAttribute("event")).collect(Collectors.toSet());
        Set<String> observed = new TreeSet<>();
        for (Class<?> type : pluginClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(Observes.class)
                            && parameter.getType().getPackageName().equals("org.schoolcredits.host")) {
                        observed.add(parameter.getType().getName());
                    }
                }
            }
        }
        assertEquals(observed, declared);
        elements("observes").forEach(e -> assertEquals(e.getAttribute("event").endsWith("LearnerRegistering")
                        || e.getAttribute("event").endsWith("MessageSending"),
                Boolean.parseBoolean(e.getAttribute("veto")), e.getAttribute("event")));
    }

    @Test
    @DisplayName("the declared jobs are exactly the classes that schedule work once the schema is migrated")
    void jobs() throws Exception {
        Set<String> declared = elements("job").map(e -> e.getAttribute("class")).collect(Collectors.toSet());
        Set<String> scheduled = new TreeSet<>();
        for (Class<?> type : pluginClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                List<Class<?>> parameters = List.of(method.getParameterTypes());
                if (parameters.contains(org.schoolcredits.storage.SchemaMigrated.class)
                        && parameters.contains(org.schoolcredits.storage.Jobs.class)) {
                    scheduled.add(type.getName());
                }
            }
        }
        assertEquals(scheduled, declared);
    }

    @Test
    @DisplayName("the declared migrations are exactly the files in migrations/")
    void migrations() throws IOException {
        Set<String> declared = elements("migration").map(e -> e.getAttribute("file")).collect(Collectors.toSet());
        try (Stream<java.nio.file.Path> files = Files.list(CLASSES.resolve("META-INF/credits/migrations"))) {
            assertEquals(files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()), declared);
        }
        elements("migration").forEach(e -> assertTrue(e.getAttribute("file").startsWith("V" + e.getAttribute("version")
                + "__"), e.getAttribute("file")));
    }

    static Set<Class<?>> pluginClasses() throws Exception {
        Set<Class<?>> classes = new java.util.HashSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES.resolve("org"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, PluginDescriptorTest.class.getClassLoader()));
            }
        }
        return classes;
    }

    static Stream<Element> elements(String name) {
        NodeList nodes = descriptor.getElementsByTagNameNS("*", name);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i));
    }

    static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        return method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    static String permission(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(Public.class) || resource.isAnnotationPresent(Public.class)) {
            return "";
        }
        Requires requires = method.isAnnotationPresent(Requires.class) ? method.getAnnotation(Requires.class)
                : resource.getAnnotation(Requires.class);
        return requires == null ? "(none: refused)" : requires.value().code();
    }

    static String normalise(String path) {
        Matcher m = Pattern.compile("\\{(\\w+)(:[^}]*)?}").matcher(("/" + path).replaceAll("/+", "/"));
        String p = m.replaceAll("{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
