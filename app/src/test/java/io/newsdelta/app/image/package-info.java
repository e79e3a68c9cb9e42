/** The container image the Maven build makes (-Pimage), unpacked and run without a Docker engine. */
package io.newsdelta.app.image;
