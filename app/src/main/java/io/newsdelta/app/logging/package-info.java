/** The log format of the launcher's commands ({@code logging.format}). */
package io.newsdelta.app.logging;
