# A tiny image: busybox plus a greeting. Built with:
#   docker build -f greeter/Greeter.Dockerfile -t dockside/greeter:1.0 greeter
FROM busybox
COPY greeting.txt /greeting.txt
CMD ["cat", "/greeting.txt"]
