package org.schoolcredits.fragments;

/**
 * One UI fragment as the descriptor declares it.
 *
 * @param element    the custom element, e.g. {@code credits-balance}
 * @param module     the ES module defining it, relative to the host's context root
 * @param slot       the mount point, e.g. {@code dashboard.widget}
 * @param weight     order within the mount point, lightest first
 * @param permission what the user needs to be shown it
 */
public record Fragment(String id, String element, String module, String slot, int weight, String permission) {
}
