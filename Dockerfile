# Builds the one runnable jar; every service runs from this image with a different command.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests -pl app -am

FROM eclipse-temurin:17-jre
WORKDIR /opt/newsdelta
COPY --from=build /src/app/target/newsdelta.jar /opt/newsdelta/newsdelta.jar
COPY --from=build /src/app/target/lib /opt/newsdelta/lib
COPY newsdelta.yml /etc/newsdelta/newsdelta.yml
ENTRYPOINT ["java", "-jar", "/opt/newsdelta/newsdelta.jar"]
