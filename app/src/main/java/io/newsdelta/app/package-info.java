/** The one launcher: {@code run}, {@code demo}, the single services, {@code extract} and {@code tail}. */
package io.newsdelta.app;
