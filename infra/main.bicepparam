// Example parameters: copy to a file of your own, fill in the ids and addresses, and pass secrets on the command line
// or set them in the vault afterwards (docs/deploy.md); never commit a secret.
using 'main.bicep'

param baseName = 'varbot'
param botAppId = '00000000-0000-0000-0000-000000000000'
param smtpHost = 'smtp.example.nl'
param smtpUserName = 'nieuwsbrief@veiligheidsalliantie.nl'
param newsletterScheduleEnabled = true
param newsletterSendDayOfMonth = 10
param operatorsGroupObjectId = ''
