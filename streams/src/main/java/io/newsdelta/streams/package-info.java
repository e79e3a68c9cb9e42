/** What newsdelta's Kafka Streams applications share, such as their bounded RocksDB memory. */
package io.newsdelta.streams;
