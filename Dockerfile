# Build stage: compile and package with Maven (tests run in CI, not in the image build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests package

# Run stage: a JRE, a non-root user, and a volume for the embedded database.
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app kindred
WORKDIR /app
COPY --from=build /src/target/kindred.jar /app/kindred.jar
COPY --from=build /src/target/lib /app/lib
COPY config /app/config
RUN mkdir -p /app/data && chown -R kindred:kindred /app
USER kindred
VOLUME ["/app/data"]
ENV KINDRED_MONGODB_DATA_DIR=/app/data
# Huge pages for the heap: a reply after an idle pause walks it with a cold TLB (see pom.xml, profile "linux").
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseTransparentHugePages", "-jar", "/app/kindred.jar"]
