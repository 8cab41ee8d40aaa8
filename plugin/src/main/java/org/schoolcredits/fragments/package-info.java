/**
 * The fragment registry: the UI fragments plugin-descriptor.xml declares (element, module, mount
 * point, weight, permission), served to the host so that it mounts what each user may see.
 */
package org.schoolcredits.fragments;
