// Package deploy holds checks that the deployment files (docker-compose.yml
// and the Dockerfiles) agree with the router configuration and the
// documented ports. It has no runtime code.
package deploy
