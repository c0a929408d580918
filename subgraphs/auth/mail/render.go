// Package mail renders the auth service's mails (verification, password
// reset) and sends queued mail over SMTP with github.com/wneessen/go-mail.
package mail

import (
	"bytes"
	"html/template"
	"net/url"
	texttemplate "text/template"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
)

// Subjects of the contract (docs/auth.md).
const (
	SubjectVerify = "Verify your email address"
	SubjectReset  = "Reset your Nexus password"
)

// Link paths under PUBLIC_URL (the storefront's auth pages).
const (
	VerifyPath = "/account/verify-email"
	ResetPath  = "/account/reset-password"
)

type content struct {
	Name, Link, Action, Intro, Validity string
}

var textTmpl = texttemplate.Must(texttemplate.New("text").Parse(`Hello {{.Name}},

{{.Intro}}

{{.Action}}:
{{.Link}}

{{.Validity}} If you did not ask for this, ignore this mail.

-- Nexus
`))

var htmlTmpl = template.Must(template.New("html").Parse(`<!doctype html>
<html><body style="font-family: sans-serif">
<p>Hello {{.Name}},</p>
<p>{{.Intro}}</p>
<p><a href="{{.Link}}">{{.Action}}</a></p>
<p>{{.Validity}} If you did not ask for this, ignore this mail.</p>
<p>&mdash; Nexus</p>
</body></html>
`))

// Link builds publicURL + path + ?token=token.
func Link(publicURL, path, token string) string {
	return publicURL + path + "?token=" + url.QueryEscape(token)
}

func render(to, subject string, c content) auth.Mail {
	var t, h bytes.Buffer
	// The templates are fixed and the data plain strings: execution cannot fail.
	_ = textTmpl.Execute(&t, c)
	_ = htmlTmpl.Execute(&h, c)
	return auth.Mail{To: to, Subject: subject, Text: t.String(), HTML: h.String()}
}

// Verification is the mail with the email verification link.
func Verification(publicURL, to, firstName, token string) auth.Mail {
	return render(to, SubjectVerify, content{
		Name: firstName, Link: Link(publicURL, VerifyPath, token), Action: "Verify your email address",
		Intro:    "Please confirm that this is your email address for your Nexus account.",
		Validity: "The link is valid for 48 hours.",
	})
}

// Reset is the mail with the password reset link.
func Reset(publicURL, to, firstName, token string) auth.Mail {
	return render(to, SubjectReset, content{
		Name: firstName, Link: Link(publicURL, ResetPath, token), Action: "Choose a new password",
		Intro:    "Someone asked to reset the password of your Nexus account.",
		Validity: "The link is valid for 1 hour and works once.",
	})
}
