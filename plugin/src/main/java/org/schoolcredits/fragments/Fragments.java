package org.schoolcredits.fragments;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The fragments of the plugin's own META-INF/plugin-descriptor.xml, read once, by mount point then weight. */
@ApplicationScoped
public class Fragments {

    static final String DESCRIPTOR = "META-INF/plugin-descriptor.xml";
    static final String PLUGIN_ID = "org.schoolcredits.credits";

    private volatile List<Fragment> all;

    public List<Fragment> all() {
        if (all == null) {
            all = read(Fragments.class.getClassLoader());
        }
        return all;
    }

    /** The plugin's descriptor among those {@code loader} sees (other plugins of the host may have one too). */
    static List<Fragment> read(ClassLoader loader) {
        try {
            for (URL url : Collections.list(loader.getResources(DESCRIPTOR))) {
                Document descriptor = parse(url);
                if (PLUGIN_ID.equals(descriptor.getDocumentElement().getAttribute("id"))) {
                    return fragments(descriptor);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("School Credits: " + DESCRIPTOR + " of " + PLUGIN_ID + " is missing");
    }

    private static Document parse(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("School Credits: " + url + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Fragment> fragments(Document descriptor) {
        NodeList nodes = descriptor.getElementsByTagNameNS("*", "fragment");
        List<Fragment> fragments = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            fragments.add(new Fragment(e.getAttribute("id"), e.getAttribute("element"), e.getAttribute("module"),
                    e.getAttribute("mount"), Integer.parseInt(e.getAttribute("weight")), e.getAttribute("permission")));
        }
        fragments.sort(Comparator.comparing(Fragment::slot).thenComparingInt(Fragment::weight));
        return List.copyOf(fragments);
    }
}
