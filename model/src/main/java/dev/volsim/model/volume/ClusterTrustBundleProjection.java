package dev.volsim.model.volume;

import dev.volsim.model.core.LabelSelector;

/**
 * Certificates of ClusterTrustBundles in a projected volume, chosen by name or by signer name and
 * label selector.
 *
 * @param name the ClusterTrustBundle's name; excludes signerName and labelSelector
 * @param signerName the signer whose bundles to use
 * @param labelSelector narrows the signer's bundles
 * @param optional whether a missing bundle is tolerated
 * @param path the file's relative path; required
 */
public record ClusterTrustBundleProjection(
    String name, String signerName, LabelSelector labelSelector, Boolean optional, String path) {}
