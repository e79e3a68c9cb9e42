/** Starts and stops the embedded broker and the services in the right order. */
package io.newsdelta.app.pipeline;
