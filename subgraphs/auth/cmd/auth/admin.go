package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
)

// AdminPasswordEnv is where create-admin reads the password from before
// falling back to standard input; a flag would leak it into `ps` and
// shell history.
const AdminPasswordEnv = "AUTH_ADMIN_PASSWORD"

type adminArgs struct {
	email, firstName, lastName string
}

func parseAdminArgs(args []string) (adminArgs, error) {
	fs := flag.NewFlagSet("create-admin", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var a adminArgs
	fs.StringVar(&a.email, "email", "", "the admin's email")
	fs.StringVar(&a.firstName, "first-name", "Admin", "given name")
	fs.StringVar(&a.lastName, "last-name", "Nexus", "family name")
	if err := fs.Parse(args); err != nil {
		return a, err
	}
	if fs.NArg() > 0 {
		return a, fmt.Errorf("unexpected argument %q (the password is never a flag: use %s or standard input)", fs.Arg(0), AdminPasswordEnv)
	}
	if a.email == "" {
		return a, errors.New("--email is required")
	}
	return a, nil
}

// readAdminPassword returns AUTH_ADMIN_PASSWORD, else the first line of stdin.
func readAdminPassword(stdin io.Reader) (string, error) {
	if p := os.Getenv(AdminPasswordEnv); p != "" {
		return p, nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the password from standard input: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", fmt.Errorf("no password: set %s or pipe it on standard input", AdminPasswordEnv)
	}
	return line, nil
}

// createAdmin creates the admin account or promotes an existing one.
func createAdmin(ctx context.Context, cfg Config, log *slog.Logger, a adminArgs, stdin io.Reader, stdout io.Writer) error {
	pw, err := readAdminPassword(stdin)
	if err != nil {
		return err
	}
	svc, closeFn, err := openService(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeFn()
	created, err := svc.Provision(ctx, account.SeedAccount{
		Email: a.email, Password: pw, FirstName: a.firstName, LastName: a.lastName, Role: auth.RoleAdmin,
	}, true)
	if err != nil {
		return describe(err)
	}
	if created {
		fmt.Fprintf(stdout, "created admin %s\n", a.email)
	} else {
		fmt.Fprintf(stdout, "%s exists and is an admin (its password is unchanged)\n", a.email)
	}
	return nil
}

// seed creates the development accounts when absent.
func seed(ctx context.Context, cfg Config, log *slog.Logger, stdout io.Writer) error {
	svc, closeFn, err := openService(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeFn()
	for _, a := range account.DevAccounts {
		created, err := svc.Provision(ctx, a, false)
		if err != nil {
			return describe(err)
		}
		if created {
			fmt.Fprintf(stdout, "created %s (%s)\n", a.Email, a.Role)
		}
	}
	return nil
}

// describe renders every field error of err in one line for the terminal.
func describe(err error) error {
	fes := auth.FieldErrors(err)
	if len(fes) == 0 {
		return err
	}
	msgs := make([]string, len(fes))
	for i, e := range fes {
		msgs[i] = strings.Replace(strings.Replace(e.Error(), "input.password", "password", 1), "input.", "--", 1)
	}
	return errors.New(strings.Join(msgs, "; "))
}
