/** The offline demo: a small local news site built from the seed story, edited over time. */
package io.newsdelta.app.demo;
