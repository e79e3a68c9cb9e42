# Builds the one runnable jar; every service runs from this image with a different command.
# Needs a Docker engine and a registry. Without either, the Maven build makes the same image with Jib:
# ./mvnw -B -Pimage -pl app -am package -DskipTests (app/target/newsdelta-image.tar; docs/operations.md, "Images").
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests -pl app -am

FROM eclipse-temurin:17-jre
WORKDIR /opt/newsdelta
COPY --from=build /src/app/target/newsdelta.jar /opt/newsdelta/newsdelta.jar
COPY --from=build /src/app/target/lib /opt/newsdelta/lib
COPY newsdelta.yml /etc/newsdelta/newsdelta.yml
# Heap: 60% of the container's memory limit, the rest for RocksDB, metaspace and threads (docs/operations.md, "Memory").
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/newsdelta/newsdelta.jar"]
